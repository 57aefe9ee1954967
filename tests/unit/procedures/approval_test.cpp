// The approval chain (電子決裁) of a procedure definition: the default when
// absent, a three-step chain, and each malformed chain reported at its line.
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "procedures/catalogue.h"
#include "procedures/procedure_loader.h"

namespace madoguchi::procedures {
namespace {

using ::testing::HasSubstr;

std::string good_text() {
  std::ifstream in("tests/fixtures/procedures/good/insurance.yaml");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The good fixture with `approval` text inserted before its form.
ProcedureLoad load_with(const std::string& approval) {
  std::string text = good_text();
  const auto at = text.find("\nform:");
  EXPECT_NE(at, std::string::npos);
  text.insert(at + 1, approval);
  return load_procedure_text(text, "insurance.yaml", nullptr);
}

std::string first_problem(const ProcedureLoad& load) {
  return load.problems.empty() ? "" : load.problems.front().to_string();
}

TEST(ApprovalChain, DefaultsToDraftThenDecision) {
  const auto loaded = load_procedure_text(good_text(), "insurance.yaml", nullptr);
  ASSERT_TRUE(loaded.procedure) << first_problem(loaded);
  const auto& chain = loaded.procedure->approval;
  ASSERT_EQ(chain.size(), 2u);
  EXPECT_EQ(chain[0], (ApprovalStep{ApprovalStepKind::draft, ApprovalRole::processor}));
  EXPECT_EQ(chain[1], (ApprovalStep{ApprovalStepKind::decision, ApprovalRole::approver}));
}

TEST(ApprovalChain, ReadsDraftReviewDecision) {
  const auto loaded = load_with(
      "approval:\n  - {step: draft, role: processor}\n  - {step: review, role: approver}\n"
      "  - {step: decision, role: department_admin}\n");
  ASSERT_TRUE(loaded.procedure) << first_problem(loaded);
  const auto& chain = loaded.procedure->approval;
  ASSERT_EQ(chain.size(), 3u);
  EXPECT_EQ(chain[1].kind, ApprovalStepKind::review);
  EXPECT_EQ(chain[1].role, ApprovalRole::approver);
  EXPECT_EQ(chain[2].role, ApprovalRole::department_admin);
}

TEST(ApprovalChain, StepsMustRunFromDraftToDecision) {
  const auto reversed = load_with("approval:\n  - {step: decision, role: approver}\n  - {step: draft, role: processor}\n");
  EXPECT_FALSE(reversed.procedure);
  EXPECT_THAT(first_problem(reversed), HasSubstr("approval[0].step"));
  EXPECT_THAT(first_problem(reversed), HasSubstr("起案"));

  const auto review_last = load_with("approval:\n  - {step: draft, role: processor}\n  - {step: review, role: approver}\n");
  EXPECT_FALSE(review_last.procedure);
  EXPECT_THAT(first_problem(review_last), HasSubstr("approval[1].step"));
}

TEST(ApprovalChain, RolesMustFitTheirStep) {
  const auto loaded = load_with("approval:\n  - {step: draft, role: approver}\n  - {step: decision, role: processor}\n");
  EXPECT_FALSE(loaded.procedure);
  ASSERT_EQ(loaded.problems.size(), 2u);
  EXPECT_THAT(loaded.problems[0].to_string(), HasSubstr("approval[0].role"));
  EXPECT_THAT(loaded.problems[1].to_string(), HasSubstr("approval[1].role"));
}

TEST(ApprovalChain, UnknownNamesKeysAndShapesAreReportedAtTheirLine) {
  const auto unknown = load_with("approval:\n  - {step: draft, role: boss}\n  - {step: decide, role: approver}\n");
  EXPECT_FALSE(unknown.procedure);
  ASSERT_EQ(unknown.problems.size(), 2u);
  EXPECT_THAT(unknown.problems[0].message, HasSubstr("\"boss\""));
  EXPECT_THAT(unknown.problems[1].message, HasSubstr("\"decide\""));
  EXPECT_GT(unknown.problems[0].line, 20);

  const auto extra_key = load_with(
      "approval:\n  - {step: draft, role: processor, by: tanaka}\n  - {step: decision, role: approver}\n");
  EXPECT_FALSE(extra_key.procedure);

  const auto single = load_with("approval:\n  - {step: draft, role: processor}\n");
  EXPECT_FALSE(single.procedure);
  EXPECT_THAT(first_problem(single), HasSubstr("2〜6"));

  const auto not_a_list = load_with("approval: draft\n");
  EXPECT_FALSE(not_a_list.procedure);
}

TEST(ApprovalChain, TheRealCatalogueUsesThreeStepsForChildAllowance) {
  const auto loaded = load_catalogue("procedures");
  ASSERT_TRUE(loaded.catalogue);
  EXPECT_EQ(loaded.catalogue->find("child_allowance")->approval.size(), 3u);
  EXPECT_EQ(loaded.catalogue->find("residence_certificate")->approval, default_approval_chain());
}

}  // namespace
}  // namespace madoguchi::procedures
