// Correction requests: only the named top-level fields change; everything
// else is kept exactly; the page shows only those questions.
#include <gtest/gtest.h>

#include "casework/correction_rules.h"
#include "procedures/catalogue.h"

namespace madoguchi::casework {
namespace {

const procedures::Procedure& child_allowance() {
  static auto loaded = procedures::load_catalogue("procedures");
  return *loaded.catalogue->find("child_allowance");
}

TEST(CorrectionRules, NamesAreCheckedAndPutInFormOrder) {
  std::vector<std::string> unknown;
  auto named = checked_field_names(child_allowance(), {"bank_name", "applicant_name", "nope", "bank_name"}, unknown);
  EXPECT_EQ(named, (std::vector<std::string>{"applicant_name", "bank_name"}));
  EXPECT_EQ(unknown, (std::vector<std::string>{"nope"}));
  EXPECT_GT(correctable_fields(child_allowance()).size(), 10u);
}

TEST(CorrectionRules, OnlyNamedFieldsChange) {
  nlohmann::json current = {{"applicant_name", "鈴木　大輔"}, {"bank_name", "七十七銀行"}, {"children", {{{"name", "蒼"}}}}};
  nlohmann::json posted = {{"applicant_name", "鈴木　大介"}, {"bank_name", "ゆうちょ銀行"}, {"children", nlohmann::json::array()}};
  auto merged = merge_corrected(current, posted, {"bank_name"});
  EXPECT_EQ(merged["bank_name"], "ゆうちょ銀行");
  EXPECT_EQ(merged["applicant_name"], "鈴木　大輔");
  EXPECT_EQ(merged["children"], current["children"]);
  EXPECT_EQ(changed_fields(current, merged, {"bank_name", "applicant_name"}), (std::vector<std::string>{"bank_name"}));
}

TEST(CorrectionRules, ANamedFieldLeftOutIsCleared) {
  nlohmann::json current = {{"bank_name", "七十七銀行"}, {"branch_name", "長町支店"}};
  auto merged = merge_corrected(current, nlohmann::json::object(), {"branch_name"});
  EXPECT_FALSE(merged.contains("branch_name"));
  EXPECT_EQ(merged["bank_name"], "七十七銀行");
}

TEST(CorrectionRules, TheSectionHoldsOnlyTheNamedQuestions) {
  auto section = correction_section(child_allowance(), {"bank_name", "applicant_name"}, {"修正", "Fix", "なおす"});
  ASSERT_EQ(section.fields.size(), 2u);
  EXPECT_EQ(section.fields[0].id, "applicant_name");
  EXPECT_EQ(section.fields[1].id, "bank_name");
  EXPECT_EQ(section.title.ja, "修正");
}

}  // namespace
}  // namespace madoguchi::casework
