// Who may do what to a case in which state: every action against every role
// and the states that allow it.
#include <gtest/gtest.h>

#include "casework/case_permissions.h"

namespace madoguchi::casework {
namespace {

using applications::Status;
using identity::Role;

identity::StaffUser staff(std::string login, identity::RoleSet roles) {
  identity::StaffUser user;
  user.login = std::move(login);
  user.roles = roles;
  return user;
}

bool allowed(const identity::StaffUser& user, CaseAction action, Status status,
             std::optional<std::string> assignee = std::nullopt) {
  return !check_action(user, action, {status, std::move(assignee)}).has_value();
}

TEST(CasePermissions, EveryRoleAgainstEveryAction) {
  struct Expect {
    Role role;
    bool view, claim, assign, note, correct, draft, step, mail;
  };
  const Expect table[] = {
      {Role::counter_clerk, true, false, false, false, false, false, false, false},
      {Role::processor, true, true, false, true, true, true, true, true},
      {Role::approver, true, false, false, true, false, false, true, false},
      {Role::department_admin, true, true, true, true, true, true, true, true},
      {Role::system_admin, false, false, false, false, false, false, false, false},
      {Role::auditor, false, false, false, false, false, false, false, false},
  };
  for (const auto& e : table) {
    auto user = staff("me", {e.role});
    SCOPED_TRACE(std::string(identity::role_name(e.role)));
    EXPECT_EQ(allowed(user, CaseAction::view, Status::submitted), e.view);
    EXPECT_EQ(allowed(user, CaseAction::claim, Status::submitted), e.claim);
    EXPECT_EQ(allowed(user, CaseAction::assign, Status::submitted), e.assign);
    EXPECT_EQ(allowed(user, CaseAction::add_note, Status::submitted), e.note);
    EXPECT_EQ(allowed(user, CaseAction::request_correction, Status::in_review, "me"), e.correct);
    EXPECT_EQ(allowed(user, CaseAction::draft_decision, Status::in_review, "me"), e.draft);
    EXPECT_EQ(allowed(user, CaseAction::take_step, Status::awaiting_approval, "other"), e.step);
    EXPECT_EQ(allowed(user, CaseAction::mail_centre, Status::submitted), e.mail);
  }
}

TEST(CasePermissions, ADisabledAccountMayDoNothing) {
  auto user = staff("me", {Role::department_admin});
  user.disabled = true;
  EXPECT_FALSE(allowed(user, CaseAction::view, Status::submitted));
}

TEST(CasePermissions, ClaimingFollowsStatusAndHolder) {
  auto processor = staff("sato", {Role::processor});
  EXPECT_TRUE(allowed(processor, CaseAction::claim, Status::submitted));
  EXPECT_TRUE(allowed(processor, CaseAction::claim, Status::resubmitted, "sato"));
  EXPECT_EQ(check_action(processor, CaseAction::claim, {Status::in_review, "sato"})->code, "already_yours");
  EXPECT_EQ(check_action(processor, CaseAction::claim, {Status::in_review, "suzuki"})->code, "assigned_to_other");
  EXPECT_EQ(check_action(processor, CaseAction::claim, {Status::awaiting_approval, std::nullopt})->code, "status");
  EXPECT_TRUE(allowed(staff("kato", {Role::department_admin}), CaseAction::claim, Status::in_review, "suzuki"));
}

TEST(CasePermissions, OnlyTheHolderCorrectsOrDraftsAndOnlyInReview) {
  auto processor = staff("sato", {Role::processor});
  EXPECT_EQ(check_action(processor, CaseAction::draft_decision, {Status::in_review, std::nullopt})->code,
            "not_assigned");
  EXPECT_EQ(check_action(processor, CaseAction::request_correction, {Status::in_review, "suzuki"})->code,
            "assigned_to_other");
  auto state = check_action(processor, CaseAction::request_correction, {Status::submitted, "sato"});
  ASSERT_TRUE(state);
  EXPECT_EQ(state->code, "status");
  EXPECT_NE(state->message_ja.find("受付済み"), std::string::npos);
  EXPECT_TRUE(allowed(staff("kato", {Role::department_admin}), CaseAction::draft_decision, Status::in_review, "sato"));
}

TEST(CasePermissions, DecidedCasesTakeNotesButNoChanges) {
  auto admin = staff("kato", {Role::department_admin});
  EXPECT_TRUE(allowed(admin, CaseAction::add_note, Status::approved));
  EXPECT_FALSE(allowed(admin, CaseAction::assign, Status::approved));
  EXPECT_FALSE(allowed(admin, CaseAction::take_step, Status::rejected));
}

}  // namespace
}  // namespace madoguchi::casework
