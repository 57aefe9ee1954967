// HTML form posts become the same JSON answers the API takes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "forms/form_post.h"
#include "forms/validation.h"
#include "spec_helpers.h"

namespace madoguchi::forms {
namespace {

using json = nlohmann::json;
using testing::error_codes;
using testing::spec_of;
using Post = std::vector<std::pair<std::string, std::string>>;

const char* kForm = R"(
sections:
  - id: applicant
    title: {ja: 申請者, en: Applicant, easy: もうしこむ ひと}
    fields:
      - {id: name, type: name, label: {ja: 氏名, en: Name, easy: なまえ}, required: true}
      - {id: copies, type: number, label: {ja: 通数, en: Copies, easy: まいすう}}
      - {id: agree, type: checkbox, label: {ja: 同意, en: Agree, easy: いい}}
      - id: items
        type: checkbox
        label: {ja: 事項, en: Items, easy: こと}
        options:
          - {value: a, label: {ja: a, en: a, easy: a}}
          - {value: b, label: {ja: b, en: b, easy: b}}
      - id: spouse
        type: group
        label: {ja: 配偶者, en: Spouse, easy: つま・おっと}
        fields:
          - {id: name, type: name, label: {ja: 氏名, en: Name, easy: なまえ}}
      - id: proof
        type: file
        label: {ja: 書類, en: Proof, easy: しょるい}
        accept: [application/pdf]
        max_size: 1MB
  - id: children
    title: {ja: 子ども, en: Children, easy: こども}
    fields:
      - id: children
        type: group
        label: {ja: 子ども, en: Children, easy: こども}
        repeat: {max: 5}
        item_label: {ja: 子ども, en: Child, easy: こども}
        fields:
          - {id: name, type: name, label: {ja: 氏名, en: Name, easy: なまえ}}
          - {id: birth_date, type: date, label: {ja: 生年月日, en: Born, easy: うまれ}}
          - {id: lives_apart, type: checkbox, label: {ja: 別居, en: Apart, easy: べつ}}
)";

TEST(FormPost, BuildsNestedAnswers) {
  const auto spec = spec_of(kForm);
  const auto answers = answers_from_form_post(spec, Post{
      {"_csrf", "token"},
      {"name", "髙橋　一郎"},
      {"copies", "２"},
      {"agree", "on"},
      {"items", "b"},
      {"items[]", "a"},
      {"spouse.name", "髙橋　花子"},
      {"children[2].name", "次郎"},
      {"children[2].birth_date", "R2.3.4"},
      {"children[0].name", "一子"},
      {"children[0].lives_apart", "on"},
      {"children[1].name", ""},
      {"children[1].birth_date", ""},
  });
  EXPECT_EQ(answers, (json{{"name", "髙橋　一郎"},
                           {"copies", "２"},
                           {"agree", true},
                           {"items", {"b", "a"}},
                           {"spouse", {{"name", "髙橋　花子"}}},
                           {"children", json::array({json{{"name", "一子"}, {"lives_apart", true}},
                                                     json{{"name", "次郎"}, {"birth_date", "R2.3.4"}, {"lives_apart", false}}})}}));
  const auto r = validate(spec, answers);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.answers["copies"], 2);
  EXPECT_EQ(r.answers["items"], json::array({"a", "b"}));
  EXPECT_EQ(r.answers["children"][1]["birth_date"], "2020-03-04");
}

TEST(FormPost, UntickedCheckboxesOfThePostedSectionBecomeFalse) {
  const auto spec = spec_of(kForm);
  FormPostOptions options;
  options.section_id = "applicant";
  const auto answers = answers_from_form_post(spec, Post{{"name", "a"}}, options);
  EXPECT_EQ(answers["agree"], false);
  EXPECT_EQ(answers["items"], json::array());
  EXPECT_FALSE(answers.contains("children"));
  const auto all = answers_from_form_post(spec, Post{{"name", "a"}, {"agree", "false"}, {"agree", "on"}});
  EXPECT_EQ(all["agree"], true);
}

TEST(FormPost, RepeatedSingleValuesAreReportedNotGuessed) {
  const auto spec = spec_of(kForm);
  const auto answers = answers_from_form_post(spec, Post{{"name", "a"}, {"name", "b"}});
  EXPECT_EQ(answers["name"], json::array({"a", "b"}));
  EXPECT_THAT(error_codes(validate(spec, answers)), ::testing::ElementsAre("name:wrong_type"));
}

TEST(FormPost, UnknownAndMalformedNamesAreReported) {
  const auto spec = spec_of(kForm);
  const auto answers = answers_from_form_post(spec, Post{
      {"name", "a"},
      {"nickname", "x"},
      {"children[x].name", "y"},
      {"children.name", "y"},
      {"spouse[0].name", "y"},
      {"name.first", "y"},
      {"children[9999999].name", "y"},
      {"children", "y"},
  });
  const auto codes = error_codes(validate(spec, answers));
  EXPECT_THAT(codes, ::testing::IsSupersetOf({"nickname:unknown_field", "children[x].name:unknown_field",
                                             "children.name:unknown_field", "spouse[0].name:unknown_field",
                                             "name.first:unknown_field",
                                             "children[9999999].name:unknown_field",
                                             "children:wrong_type"}));
}

TEST(FormPost, FileFieldsAreResolvedThroughTheUploadStore) {
  const auto spec = spec_of(kForm);
  FormPostOptions options;
  options.resolve_upload = [](std::string_view id) -> std::optional<json> {
    if (id != "up_1") return std::nullopt;
    return json{{"upload_id", "up_1"}, {"content_type", "application/pdf"}, {"size", 100}, {"filename", "a.pdf"}};
  };
  auto answers = answers_from_form_post(spec, Post{{"name", "a"}, {"proof", "up_1"}}, options);
  EXPECT_TRUE(validate(spec, answers).ok());
  answers = answers_from_form_post(spec, Post{{"name", "a"}, {"proof", "up_2"}}, options);
  EXPECT_THAT(error_codes(validate(spec, answers)), ::testing::ElementsAre("proof:file_upload_invalid"));
  answers = answers_from_form_post(spec, Post{{"name", "a"}, {"proof", ""}}, options);
  EXPECT_TRUE(validate(spec, answers).ok());
}

TEST(FormPost, InvalidUtf8StaysForValidationToRefuse) {
  const auto spec = spec_of(kForm);
  const auto answers = answers_from_form_post(spec, Post{{"name", "\xff\xfe"}, {std::string("\xc3"), "x"}});
  const auto r = validate(spec, answers);
  EXPECT_THAT(error_codes(r), ::testing::ElementsAre("name:invalid_utf8", "\\xC3:unknown_field"));
  for (const auto& e : r.errors) EXPECT_NO_THROW((void)json(e.path).dump());
}

}  // namespace
}  // namespace madoguchi::forms
