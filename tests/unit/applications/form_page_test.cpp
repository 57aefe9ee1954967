// The page model of real form pages: labels, hints and errors tied together,
// autocomplete for the applicant's own details, conditional questions kept
// on the page with words for people when they depend on it and decided when
// they depend on another page, repeating entries, and the error summary in
// page order.
#include <gtest/gtest.h>

#include "applications/form_page.h"
#include "forms/validation.h"
#include "test_support.h"

namespace madoguchi::applications {
namespace {

using json = nlohmann::json;
using testing::procedure;

const json* find_field(const json& fields, const std::string& name) {
  for (const auto& f : fields) {
    if (f["name"] == name) return &f;
    if (const auto* inner = find_field(f["fields"], name)) return inner;
    for (const auto& item : f["items"]) {
      if (const auto* in_item = find_field(item["fields"], name)) return in_item;
    }
  }
  return nullptr;
}

json model(const std::string& id, const std::string& section, const json& answers,
           const std::vector<forms::FieldError>& errors, Language language = Language::ja) {
  const auto& p = procedure(id);
  auto effective = forms::validate(p.form, answers, {testing::kToday, nullptr}).answers;
  FormState state(p.form, effective, testing::kToday);
  return form_page_model({p, *p.form.find_section(section), state, answers, errors, language});
}

TEST(FormPage, TiesLabelsHintsAndErrorsTogether) {
  auto m = model("residence_certificate", "requester", {{"requester_name", "髙橋　美咲"}},
                 {{"requester_birth_date", "invalid_date", {"生年月日が正しくありません。", "Bad date.", "ちがいます。"}}});
  const json* name = find_field(m["fields"], "requester_name");
  ASSERT_TRUE(name);
  EXPECT_EQ((*name)["id"], "f-requester_name");
  EXPECT_EQ((*name)["value"], "髙橋　美咲");
  EXPECT_EQ((*name)["autocomplete"], "name");
  EXPECT_EQ((*name)["label"], "氏名");
  EXPECT_EQ((*name)["describedby"], "f-requester_name-hint");
  const json* birth = find_field(m["fields"], "requester_birth_date");
  EXPECT_EQ((*birth)["autocomplete"], "bday");
  EXPECT_EQ((*birth)["error"], "生年月日が正しくありません。");
  EXPECT_EQ((*birth)["describedby"], "f-requester_birth_date-hint f-requester_birth_date-error");
  EXPECT_NE((*birth)["example"].get<std::string>().find("令和"), std::string::npos);
  EXPECT_EQ(find_field(m["fields"], "requester_phone")->at("input_type"), "tel");
  EXPECT_EQ(find_field(m["fields"], "requester_email")->at("autocomplete"), "email");
  ASSERT_EQ(m["error_summary"].size(), 1u);
  EXPECT_EQ(m["error_summary"][0]["href"], "#f-requester_birth_date");
  EXPECT_TRUE(m["has_files"]);
}

TEST(FormPage, KeepsConditionalQuestionsOfThisPageWithWordsForPeople) {
  auto m = model("residence_certificate", "requester", json::object(), {});
  const json* attorney = find_field(m["fields"], "power_of_attorney");
  ASSERT_TRUE(attorney) << "a question whose condition reads this page stays on it";
  EXPECT_TRUE((*attorney)["conditional"]);
  auto condition = json::parse((*attorney)["show_if"].get<std::string>());
  EXPECT_EQ(condition["name"], "relationship");
  EXPECT_EQ(condition["op"], "equals");
  EXPECT_EQ(condition["values"][0], "agent");
  EXPECT_NE((*attorney)["condition_text"].get<std::string>().find("「代理人（委任を受けた人）」"), std::string::npos);
  auto en = model("residence_certificate", "requester", json::object(), {}, Language::en);
  EXPECT_EQ(find_field(en["fields"], "power_of_attorney")->at("condition_text"),
            "Answer this only if you chose \u201c" "An agent with a letter of attorney\u201d for \u201c"
            "Your relationship to the person on the record\u201d.");
}

TEST(FormPage, DecidesConditionsThatReadOtherPages) {
  auto agent = model("residence_certificate", "certificate", {{"relationship", "agent"}}, {});
  const json* items = find_field(agent["fields"], "included_items");
  ASSERT_TRUE(items);
  for (const auto& option : (*items)["options"]) {
    EXPECT_NE(option["value"], "individual_number") << "an agent may not ask for the individual number";
  }
  auto self = model("residence_certificate", "certificate", {{"relationship", "self"}}, {});
  bool offered = false;
  for (const auto& option : find_field(self["fields"], "included_items")->at("options")) {
    offered = offered || option["value"] == "individual_number";
  }
  EXPECT_TRUE(offered);
}

TEST(FormPage, ShowsRepeatingEntriesWithAddAndRemove) {
  auto empty = model("child_allowance", "children", json::object(), {});
  const json* children = find_field(empty["fields"], "children");
  ASSERT_TRUE(children);
  EXPECT_TRUE((*children)["is_repeat"]);
  ASSERT_EQ((*children)["items"].size(), 1u);
  EXPECT_FALSE((*children)["items"][0]["can_remove"]);
  EXPECT_EQ((*children)["add_action"], "add:children");
  EXPECT_TRUE(empty["has_repeats"]);

  json two = {{"children", {{{"name", "陽葵"}}, {{"name", "蒼"}, {"sex", "male"}}}}};
  auto m = model("child_allowance", "children", two, {});
  children = find_field(m["fields"], "children");
  ASSERT_EQ((*children)["items"].size(), 2u);
  EXPECT_EQ((*children)["items"][1]["title"], "子ども 2");
  EXPECT_EQ((*children)["items"][1]["remove_action"], "remove:children:1");
  EXPECT_TRUE((*children)["items"][1]["can_remove"]);
  const json* name = find_field(m["fields"], "children[1].name");
  ASSERT_TRUE(name);
  EXPECT_EQ((*name)["value"], "蒼");
  EXPECT_EQ((*name)["id"], "f-children-1-name");
  EXPECT_EQ((*name)["autocomplete"], "") << "a child's name is not the applicant's";
  const json* sex = find_field(m["fields"], "children[1].sex");
  EXPECT_EQ((*sex)["options"][0]["id"], "f-children-1-sex-0");
  EXPECT_TRUE((*sex)["options"][0]["checked"]);
}

TEST(FormPage, OrdersTheErrorSummaryAsThePageIsRead) {
  std::vector<forms::FieldError> errors = {
      {"requester_phone", "required", {"電話", "Phone", "でんわ"}},
      {"requester_name", "required", {"氏名", "Name", "なまえ"}},
      {"relationship", "required_choice", {"関係", "Relation", "かんけい"}}};
  auto m = model("residence_certificate", "requester", json::object(), errors, Language::en);
  ASSERT_EQ(m["error_summary"].size(), 3u);
  EXPECT_EQ(m["error_summary"][0]["message"], "Name");
  EXPECT_EQ(m["error_summary"][1]["message"], "Phone");
  EXPECT_EQ(m["error_summary"][2]["href"], "#f-relationship-0") << "a choice links to its first option";
}

TEST(FormPage, ShowsStoredDatesInWareki) {
  auto m = model("residence_certificate", "requester", {{"requester_birth_date", "1990-04-05"}}, {});
  EXPECT_EQ(find_field(m["fields"], "requester_birth_date")->at("value"), "平成2年4月5日");
  auto en = model("residence_certificate", "requester", {{"requester_birth_date", "1990-04-05"}}, {}, Language::en);
  EXPECT_EQ(find_field(en["fields"], "requester_birth_date")->at("value"), "1990-04-05");
}

TEST(FormPage, HtmlIdsKeepOnlySafeCharacters) {
  EXPECT_EQ(field_html_id("children[12].birth_date"), "f-children-12-birth_date");
  EXPECT_EQ(field_html_id("spouse.name"), "f-spouse-name");
  EXPECT_EQ(field_html_id("a\"><script>"), "f-ascript");
}

}  // namespace
}  // namespace madoguchi::applications
