// The approval chain at run time: steps in order, the role each needs, and
// segregation of duties — nobody takes two steps of one draft.
#include <gtest/gtest.h>

#include "casework/approval_rules.h"

namespace madoguchi::casework {
namespace {

using identity::Role;
using procedures::ApprovalRole;
using procedures::ApprovalStep;
using procedures::ApprovalStepKind;

identity::StaffUser staff(std::string login, identity::RoleSet roles) {
  identity::StaffUser user;
  user.login = std::move(login);
  user.roles = roles;
  return user;
}

std::vector<ApprovalStep> three_steps() {
  return {{ApprovalStepKind::draft, ApprovalRole::processor},
          {ApprovalStepKind::review, ApprovalRole::approver},
          {ApprovalStepKind::decision, ApprovalRole::approver}};
}

TEST(ApprovalRules, StepsAreTakenInOrderAndTheLastDecides) {
  ApprovalProgress progress{three_steps(), {{0, "sato"}}};
  EXPECT_EQ(progress.next_index(), 1);
  EXPECT_FALSE(progress.decides(1));
  progress.acts.push_back({1, "suzuki"});
  EXPECT_EQ(progress.next_index(), 2);
  EXPECT_TRUE(progress.decides(2));
  progress.acts.push_back({2, "tanaka"});
  EXPECT_FALSE(progress.next_index().has_value());
}

TEST(ApprovalRules, TheDrafterMayNotApproveTheirOwnDraft) {
  ApprovalProgress progress{procedures::default_approval_chain(), {{0, "sato"}}};
  auto both = staff("sato", {Role::processor, Role::approver});
  auto refusal = check_next_step(both, progress);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->code, "segregation_of_duties");
  EXPECT_NE(refusal->message_ja.find("起案"), std::string::npos);
  EXPECT_NE(refusal->message_en.find("segregation of duties"), std::string::npos);
  EXPECT_FALSE(check_next_step(staff("suzuki", {Role::approver}), progress));
}

TEST(ApprovalRules, AReviewerMayNotAlsoDecide) {
  ApprovalProgress progress{three_steps(), {{0, "sato"}, {1, "suzuki"}}};
  auto refusal = check_next_step(staff("suzuki", {Role::approver}), progress);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->code, "segregation_of_duties");
  EXPECT_FALSE(check_next_step(staff("tanaka", {Role::approver}), progress));
}

TEST(ApprovalRules, EachStepNeedsItsRoleOrADepartmentAdmin) {
  ApprovalProgress progress{three_steps(), {{0, "sato"}}};
  auto processor = check_next_step(staff("ito", {Role::processor}), progress);
  ASSERT_TRUE(processor);
  EXPECT_EQ(processor->code, "approval_role");
  EXPECT_NE(processor->message_ja.find("決裁者"), std::string::npos);
  EXPECT_FALSE(check_next_step(staff("kato", {Role::department_admin}), progress));
  EXPECT_TRUE(check_next_step(staff("clerk", {Role::counter_clerk}), progress));
}

TEST(ApprovalRules, DraftingNeedsTheFirstStepsRole) {
  EXPECT_FALSE(check_drafter(staff("sato", {Role::processor}), three_steps()));
  EXPECT_TRUE(check_drafter(staff("suzuki", {Role::approver}), three_steps()));
  EXPECT_FALSE(check_drafter(staff("kato", {Role::department_admin}), three_steps()));
}

TEST(ApprovalRules, NothingWaitsWithoutADraft) {
  ApprovalProgress progress{three_steps(), {}};
  auto refusal = check_next_step(staff("suzuki", {Role::approver}), progress);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->code, "no_pending_step");
}

TEST(ApprovalRules, ChainsSurviveStorageAndBadTextGivesTheDefault) {
  EXPECT_EQ(chain_from_json(chain_to_json(three_steps())), three_steps());
  EXPECT_EQ(chain_from_json("not json"), procedures::default_approval_chain());
  EXPECT_EQ(chain_from_json(R"([{"step":"draft","role":"boss"},{"step":"decision","role":"approver"}])"),
            procedures::default_approval_chain());
}

}  // namespace
}  // namespace madoguchi::casework
