// The answers as people read them on the check page and the receipt: choices
// by label, dates in 和暦 with the Western year, numbers with their unit,
// repeating entries as numbered blocks, and errors beside their question.
#include <gtest/gtest.h>

#include "applications/answer_summary.h"
#include "forms/validation.h"
#include "test_support.h"

namespace madoguchi::applications {
namespace {

using json = nlohmann::json;
using testing::procedure;

const SummaryRow* row(const std::vector<SummarySection>& sections, const std::string& path) {
  for (const auto& s : sections) {
    for (const auto& b : s.blocks) {
      for (const auto& r : b.rows) {
        if (r.path == path) return &r;
      }
    }
  }
  return nullptr;
}

TEST(AnswerSummary, WordsEveryAnswerForPeople) {
  const auto& p = procedure("residence_certificate");
  auto result = forms::validate(p.form, testing::sample("residence_certificate"), {testing::kToday, nullptr});
  ASSERT_TRUE(result.ok());
  FormState state(p.form, result.answers, testing::kToday);
  auto ja = summarize(state, result.answers, {}, Language::ja);
  EXPECT_EQ(row(ja, "requester_birth_date")->value, "平成2年（1990年）4月5日");
  EXPECT_EQ(row(ja, "relationship")->value, "同じ世帯の人");
  EXPECT_EQ(row(ja, "included_items")->value, "世帯主・続柄、本籍・筆頭者") << "in the order of the options";
  EXPECT_EQ(row(ja, "copies")->value, "2通");
  EXPECT_EQ(row(ja, "requester_name")->value, "髙橋　美咲");
  EXPECT_EQ(row(ja, "power_of_attorney"), nullptr) << "a question that was not shown is not listed";
  EXPECT_NE(row(ja, "subject_name"), nullptr);
  ASSERT_NE(row(ja, "identity_document"), nullptr);
  EXPECT_EQ(row(ja, "identity_document")->value, "") << "shown but not answered";

  auto en = summarize(state, result.answers, {}, Language::en);
  EXPECT_EQ(row(en, "requester_birth_date")->value, "5 April 1990 (Heisei 2)");
  EXPECT_EQ(row(en, "copies")->value, "2 copies");
  EXPECT_EQ(en.front().title, "Person making the request");
}

TEST(AnswerSummary, ListsRepeatingEntriesAsNumberedBlocks) {
  const auto& p = procedure("child_allowance");
  auto result = forms::validate(p.form, testing::sample("child_allowance"), {testing::kToday, nullptr});
  ASSERT_TRUE(result.ok()) << result.errors.front().message.en;
  FormState state(p.form, result.answers, testing::kToday);
  auto sections = summarize(state, result.answers, {}, Language::ja);
  std::vector<std::string> titles;
  for (const auto& s : sections) {
    for (const auto& b : s.blocks) titles.push_back(b.title);
  }
  EXPECT_NE(std::find(titles.begin(), titles.end(), "子ども 1"), titles.end());
  EXPECT_NE(std::find(titles.begin(), titles.end(), "子ども 2"), titles.end());
  EXPECT_EQ(row(sections, "children[1].birth_date")->value, "令和8年（2026年）9月30日");
  EXPECT_EQ(row(sections, "applicant_income_yen")->value, "4,850,000円");
}

TEST(AnswerSummary, PutsErrorsBesideTheirQuestionWithWhatWasTyped) {
  const auto& p = procedure("residence_certificate");
  json typed = testing::sample("residence_certificate");
  typed["requester_birth_date"] = "平成32年1月1日";
  auto result = forms::validate(p.form, typed, {testing::kToday, nullptr});
  ASSERT_FALSE(result.ok());
  FormState state(p.form, result.answers, testing::kToday);
  auto sections = summarize(state, typed, result.errors, Language::ja);
  const auto* birth = row(sections, "requester_birth_date");
  ASSERT_NE(birth, nullptr);
  EXPECT_FALSE(birth->error.empty());
  EXPECT_EQ(birth->value, "平成32年1月1日");
}

TEST(AnswerSummary, DisplaysFilesAndSingleCheckboxes) {
  forms::Field file;
  file.type = forms::FieldType::file;
  EXPECT_EQ(display_value(file, {{"upload_id", "x"}, {"filename", "委任状.pdf"}, {"size", 1536}}, Language::ja),
            "委任状.pdf (2 KB)");
  forms::Field box;
  box.type = forms::FieldType::checkbox;
  EXPECT_EQ(display_value(box, true, Language::ja), "はい");
  EXPECT_EQ(display_value(box, false, Language::en), "No");
}

}  // namespace
}  // namespace madoguchi::applications
