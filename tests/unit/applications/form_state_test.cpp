// Paths into answers, and which pages of a real form are shown for which answers.
#include <gtest/gtest.h>

#include "applications/form_state.h"
#include "forms/validation.h"
#include "test_support.h"

namespace madoguchi::applications {
namespace {

using testing::procedure;

TEST(AnswerPaths, ConcretePathsTakeTheIndicesInOrder) {
  EXPECT_EQ(concrete_path("children[].name", {1}), "children[1].name");
  EXPECT_EQ(concrete_path("a[].b[].c", {2, 0}), "a[2].b[0].c");
  EXPECT_EQ(concrete_path("spouse.name", {}), "spouse.name");
  EXPECT_EQ(top_level_id("children[].name"), "children");
  EXPECT_EQ(top_level_id("spouse.name"), "spouse");
}

TEST(AnswerPaths, ReadsAndWritesThroughGroupsAndLists) {
  nlohmann::json answers = {{"children", {{{"name", "陽葵"}}, {{"name", "蒼"}}}}, {"spouse", {{"name", "ソフィア"}}}};
  ASSERT_NE(answer_at(answers, "children[].name", {1}), nullptr);
  EXPECT_EQ(*answer_at(answers, "children[].name", {1}), "蒼");
  EXPECT_EQ(*answer_at(answers, "spouse.name", {}), "ソフィア");
  EXPECT_EQ(answer_at(answers, "children[].name", {5}), nullptr);
  EXPECT_EQ(answer_at(answers, "children[].name", {}), nullptr);
  EXPECT_EQ(answer_at(answers, "missing.name", {}), nullptr);

  EXPECT_TRUE(set_answer(answers, "children[3].certificate", {{"upload_id", "u1"}}));
  EXPECT_EQ(answers["children"].size(), 4u);
  EXPECT_TRUE(answers["children"][2].is_object());
  EXPECT_EQ(answers["children"][3]["certificate"]["upload_id"], "u1");
  EXPECT_TRUE(set_answer(answers, "new_field", "x"));
  EXPECT_FALSE(set_answer(answers, "spouse.name.more", "x"));
  EXPECT_FALSE(set_answer(answers, "bad[x]", "x"));
  EXPECT_FALSE(set_answer(answers, "", "x"));
}

TEST(FormState, ShowsTheSubjectPageOnlyWhenRequestingForSomeoneElse) {
  const auto& p = procedure("residence_certificate");
  auto self = forms::validate(p.form, {{"relationship", "self"}}, {testing::kToday, nullptr});
  FormState mine(p.form, self.answers, testing::kToday);
  std::vector<std::string> shown;
  for (const auto* s : mine.visible_sections()) shown.push_back(s->id);
  EXPECT_EQ(shown, (std::vector<std::string>{"requester", "certificate", "identity"}));
  EXPECT_EQ(mine.next_section("requester")->id, "certificate");
  EXPECT_EQ(mine.previous_section("certificate")->id, "requester");
  EXPECT_EQ(mine.step_number("certificate"), 2);
  EXPECT_EQ(mine.step_number("subject"), 0);
  EXPECT_EQ(mine.step_count(), 3);
  EXPECT_EQ(mine.next_section("identity"), nullptr);

  auto agent = forms::validate(p.form, {{"relationship", "agent"}}, {testing::kToday, nullptr});
  FormState theirs(p.form, agent.answers, testing::kToday);
  EXPECT_EQ(theirs.next_section("requester")->id, "subject");
  EXPECT_EQ(theirs.step_count(), 4);
}

TEST(FormState, KnowsWhichConditionsReadTheirOwnPage) {
  const auto& p = procedure("residence_certificate");
  const auto* requester = p.form.find_section("requester");
  const auto* certificate = p.form.find_section("certificate");
  const auto* attorney = p.form.find_field("power_of_attorney");
  ASSERT_TRUE(attorney && attorney->visible_if);
  EXPECT_TRUE(depends_on_section(*attorney->visible_if, p.form, *requester));
  EXPECT_FALSE(depends_on_section(*attorney->visible_if, p.form, *certificate));
}

}  // namespace
}  // namespace madoguchi::applications
