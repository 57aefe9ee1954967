// The JSON schema served to browsers, and the message templates.
#include <gtest/gtest.h>

#include "forms/messages.h"
#include "forms/spec_json.h"
#include "spec_helpers.h"

namespace madoguchi::forms {
namespace {

using json = nlohmann::json;
using testing::spec_of;

TEST(SpecJson, DescribesFieldsLimitsOptionsConditionsAndRules) {
  const auto spec = spec_of(R"(
sections:
  - id: person
    title: {ja: 本人, en: Person, easy: ひと}
    fields:
      - id: birth_date
        type: date
        label: {ja: 生年月日, en: Date of birth, easy: うまれた ひ}
        required: true
        max: today
        min_age: 20
        age_on: fiscal_year_end
        prefill: {card: birth_date}
      - id: exams
        type: checkbox
        label: {ja: 検診, en: Exams, easy: けんしん}
        options:
          - value: lung
            label: {ja: 肺, en: Lung, easy: はい}
            available_if: {field: birth_date, age_at_least: 40, age_on: fiscal_year_end}
            fee_yen: 500
      - id: kids
        type: group
        label: {ja: 子, en: Kids, easy: こ}
        repeat: {min: 1, max: 4}
        item_label: {ja: 子, en: Kid, easy: こ}
        fields:
          - id: born
            type: date
            label: {ja: 生, en: Born, easy: うまれ}
          - id: note
            type: text
            label: {ja: 備考, en: Note, easy: メモ}
            max_length: 50
            visible_if: {not: {field: born, answered: false}}
rules:
  - id: kid_after
    date_order: {earlier: birth_date, later: kids.born}
)");
  const json j = spec_to_json(spec);
  EXPECT_EQ(j["format"], "madoguchi.form/1");
  const json& fields = j["sections"][0]["fields"];
  EXPECT_EQ(fields[0], json::parse(R"({
    "id": "birth_date", "path": "birth_date", "type": "date",
    "label": {"ja": "生年月日", "en": "Date of birth", "easy": "うまれた ひ"},
    "required": true,
    "limits": {"max": "today", "min_age": 20, "age_on": "fiscal_year_end"},
    "prefill": {"card": "birth_date"}
  })"));
  EXPECT_EQ(fields[1]["options"][0]["available_if"],
            json::parse(R"({"field": "birth_date", "path": "birth_date", "age_at_least": 40, "age_on": "fiscal_year_end"})"));
  EXPECT_EQ(fields[1]["options"][0]["fee_yen"], 500);
  EXPECT_EQ(fields[1]["limits"]["max_choices"], 1);
  EXPECT_EQ(fields[2]["repeat"], true);
  EXPECT_EQ(fields[2]["limits"], json::parse(R"({"min_items": 1, "max_items": 4})"));
  EXPECT_EQ(fields[2]["fields"][1]["path"], "kids[].note");
  EXPECT_EQ(fields[2]["fields"][1]["limits"]["max_length"], 50);
  EXPECT_EQ(fields[2]["fields"][1]["visible_if"],
            json::parse(R"({"not": {"field": "born", "path": "kids[].born", "answered": false}})"));
  EXPECT_EQ(j["rules"][0], json::parse(R"({"id": "kid_after", "kind": "date_order",
    "fields": ["birth_date", "kids[].born"], "allow_equal": false})"));
}

TEST(Messages, TemplatesAreServedAndRendered) {
  const json templates = message_templates_json();
  for (const char* code : {"required", "too_long", "unknown_field", "date_too_late", "option_not_available",
                           "file_too_large", "too_many_items", "date_order", "same_value"}) {
    ASSERT_TRUE(templates.contains(code)) << code;
    for (const char* language : {"ja", "en", "easy"}) {
      EXPECT_FALSE(templates[code][language].get<std::string>().empty()) << code << " " << language;
    }
  }
  const auto text = render_message("too_long", LocalizedText{"氏名", "Name", "なまえ"},
                                    {MessageArg::same_in_all("max", "10"), MessageArg::same_in_all("count", "12")});
  EXPECT_EQ(text.ja, "「氏名」は10文字以内で入力してください（いまは12文字です）。");
  EXPECT_EQ(text.en, "\u201cName\u201d must be at most 10 characters (it has 12).");
  EXPECT_EQ(text.easy, "「なまえ」は 10もじ までに して ください。");
}

}  // namespace
}  // namespace madoguchi::forms
