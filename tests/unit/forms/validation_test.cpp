// The validation engine: required answers, unknown fields, wrong shapes, groups, conditions,
// option availability, cross-field rules, sections, and hostile input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "forms/validation.h"
#include "spec_helpers.h"

namespace madoguchi::forms {
namespace {

using json = nlohmann::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::error_codes;
using testing::spec_of;
using testing::today_context;

// A household form: an applicant, an optional spouse, children born after the applicant.
const char* kHousehold = R"(
sections:
  - id: applicant
    title: {ja: 申請者, en: Applicant, easy: もうしこむ ひと}
    fields:
      - id: name
        type: name
        label: {ja: 氏名, en: Name, easy: なまえ}
        required: true
      - id: birth_date
        type: date
        label: {ja: 生年月日, en: Date of birth, easy: うまれた ひ}
        required: true
        max: today
      - id: has_spouse
        type: radio
        label: {ja: 配偶者, en: Spouse, easy: おっと・つま}
        required: true
        options:
          - {value: 'yes', label: {ja: いる, en: 'Yes', easy: いる}}
          - {value: 'no', label: {ja: いない, en: 'No', easy: いない}}
      - id: spouse
        type: group
        label: {ja: 配偶者, en: Spouse, easy: おっと・つま}
        visible_if: {field: has_spouse, equals: 'yes'}
        fields:
          - id: name
            type: name
            label: {ja: 配偶者の氏名, en: Spouse's name, easy: なまえ}
            required: true
          - id: income
            type: number
            label: {ja: 所得, en: Income, easy: しょとく}
            min: 0
  - id: children
    title: {ja: 子ども, en: Children, easy: こども}
    fields:
      - id: children
        type: group
        label: {ja: 子ども, en: Children, easy: こども}
        repeat: {min: 1, max: 3}
        item_label: {ja: 子ども, en: Child, easy: こども}
        fields:
          - id: name
            type: name
            label: {ja: 氏名, en: Name, easy: なまえ}
            required: true
          - id: birth_date
            type: date
            label: {ja: 生年月日, en: Date of birth, easy: うまれた ひ}
            required: true
          - id: lives_apart
            type: checkbox
            label: {ja: 別居, en: Lives apart, easy: べつに すむ}
          - id: address
            type: address
            label: {ja: 子どもの住所, en: Child's address, easy: じゅうしょ}
            required: true
            visible_if: {field: lives_apart, equals: true}
          - id: school_name
            type: text
            label: {ja: 学校名, en: School, easy: がっこう}
            visible_if: {field: birth_date, age_at_least: 6}
rules:
  - id: child_born_after_applicant
    date_order: {earlier: birth_date, later: children.birth_date}
)";

json good_household() {
  return json{{"name", "山田　太郎"},
              {"birth_date", "昭和60年1月2日"},
              {"has_spouse", "no"},
              {"children", json::array({json{{"name", "山田　花子"}, {"birth_date", "2015-05-05"}}})}};
}

TEST(Validate, AcceptsAndNormalises) {
  const auto spec = spec_of(kHousehold);
  const auto r = validate(spec, good_household(), today_context());
  EXPECT_THAT(error_codes(r), IsEmpty());
  EXPECT_EQ(r.answers["birth_date"], "1985-01-02");
  EXPECT_EQ(r.answers["children"][0]["lives_apart"], false);
  EXPECT_FALSE(r.answers.contains("spouse"));
}

TEST(Validate, MissingRequiredAnswers) {
  const auto spec = spec_of(kHousehold);
  const auto r = validate(spec, json::object(), today_context());
  EXPECT_THAT(error_codes(r), ElementsAre("name:required", "birth_date:required",
                                          "has_spouse:required_choice", "children:too_few_items"));
  EXPECT_EQ(r.errors[0].message.ja, "「氏名」を入力してください。");
  EXPECT_EQ(r.errors[0].message.en, "\u201cName\u201d is required.");
  EXPECT_EQ(r.errors[0].message.easy, "「なまえ」を かいて ください。");
}

TEST(Validate, HiddenFieldsAreDroppedWithoutComplaint) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["spouse"] = json{{"name", 12}, {"income", "abc"}};  // invalid, but hidden
  answers["children"][0]["address"] = "ignored";            // hidden: lives_apart is false
  const auto r = validate(spec, answers, today_context());
  EXPECT_THAT(error_codes(r), IsEmpty());
  EXPECT_FALSE(r.answers.contains("spouse"));
  EXPECT_FALSE(r.answers["children"][0].contains("address"));
}

TEST(Validate, ShownGroupIsValidated) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["has_spouse"] = "yes";
  EXPECT_THAT(error_codes(validate(spec, answers, today_context())), ElementsAre("spouse.name:required"));
  answers["spouse"] = json{{"name", "山田　良子"}, {"income", "3,000,000"}};
  const auto r = validate(spec, answers, today_context());
  EXPECT_THAT(error_codes(r), IsEmpty());
  EXPECT_EQ(r.answers["spouse"]["income"], 3000000);
}

TEST(Validate, ConditionsReadSiblingsInTheSameItem) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["children"].push_back(json{{"name", "山田　次郎"}, {"birth_date", "2024-01-01"}, {"lives_apart", true}});
  EXPECT_THAT(error_codes(validate(spec, answers, today_context())), ElementsAre("children[1].address:required"));
}

TEST(Validate, AgeConditions) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["children"][0]["school_name"] = "仙台市立第一小学校";
  answers["children"].push_back(json{{"name", "山田　次郎"}, {"birth_date", "2024-01-01"}, {"school_name", "x"}});
  const auto r = validate(spec, answers, today_context());
  EXPECT_THAT(error_codes(r), IsEmpty());
  EXPECT_EQ(r.answers["children"][0]["school_name"], "仙台市立第一小学校");  // 11 years old
  EXPECT_FALSE(r.answers["children"][1].contains("school_name"));            // 2 years old
  // Without today, age conditions hold: the field is kept rather than dropped.
  EXPECT_TRUE(validate(spec, answers).answers["children"][1].contains("school_name"));
}

TEST(Validate, UnknownFieldsAtEveryLevel) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["nickname"] = "taro";
  answers["children"][0]["shoe_size"] = 20;
  EXPECT_THAT(error_codes(validate(spec, answers, today_context())),
              ElementsAre("children[0].shoe_size:unknown_field", "nickname:unknown_field"));
}

TEST(Validate, UnknownKeysAreShownSafely) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers[std::string("bad\xff\x01key")] = 1;
  answers[std::string(1000, 'k')] = 1;
  const auto r = validate(spec, answers, today_context());
  ASSERT_EQ(r.errors.size(), 2u);
  for (const auto& e : r.errors) {
    EXPECT_NO_THROW((void)json(e.path).dump());
    EXPECT_NO_THROW((void)json(e.message.ja).dump());
    EXPECT_LT(e.path.size(), 300u);
  }
  EXPECT_EQ(r.errors[0].path, "bad\\xFF\\u{01}key");
}

TEST(Validate, WrongShapes) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["name"] = json::object({{"a", 1}});
  answers["children"] = "three";
  EXPECT_THAT(error_codes(validate(spec, answers, today_context())),
              ElementsAre("name:wrong_type", "children:wrong_type"));
  answers = good_household();
  answers["children"].push_back(7);
  answers["has_spouse"] = "yes";
  answers["spouse"] = json::array();
  EXPECT_THAT(error_codes(validate(spec, answers, today_context())),
              ElementsAre("spouse:wrong_type", "children[1]:wrong_type"));
}

TEST(Validate, NotAnObject) {
  const auto spec = spec_of(kHousehold);
  for (const json& answers : {json::array(), json(3), json("x"), json(true)}) {
    const auto r = validate(spec, answers, today_context());
    EXPECT_THAT(error_codes(r), ElementsAre(":not_an_object"));
  }
  EXPECT_THAT(error_codes(validate(spec, json(), today_context())), ::testing::Contains("name:required"));
}

TEST(Validate, DeepNestingIsJustTheWrongType) {
  const auto spec = spec_of(kHousehold);
  json deep = json::array();
  json* current = &deep;
  for (int i = 0; i < 5000; ++i) {
    current->push_back(json::array());
    current = &current->back();
  }
  json answers = good_household();
  answers["name"] = deep;
  answers["children"][0] = deep;
  EXPECT_THAT(error_codes(validate(spec, answers, today_context())),
              ElementsAre("name:wrong_type", "children[0]:wrong_type"));
}

TEST(Validate, RepeatLimits) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["children"] = json::array();
  EXPECT_THAT(error_codes(validate(spec, answers, today_context())), ElementsAre("children:too_few_items"));
  for (int i = 0; i < 1000; ++i) answers["children"].push_back(json{{"name", "x"}, {"birth_date", "2020-01-01"}});
  const auto r = validate(spec, answers, today_context());
  EXPECT_THAT(error_codes(r), ElementsAre("children:too_many_items"));
  EXPECT_EQ(r.errors[0].message.ja, "「子ども」は3件まで入力できます（いまは1000件です）。");
}

TEST(Validate, CrossFieldDateOrder) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["children"].push_back(json{{"name", "山田　一"}, {"birth_date", "1980-01-01"}});
  const auto r = validate(spec, answers, today_context());
  EXPECT_THAT(error_codes(r), ElementsAre("children[1].birth_date:child_born_after_applicant"));
  EXPECT_EQ(r.errors[0].message.ja, "「生年月日」は「生年月日」より後の日付にしてください。");
  // Same day is not after.
  answers["children"][1]["birth_date"] = "1985-01-02";
  EXPECT_THAT(error_codes(validate(spec, answers, today_context())),
              ElementsAre("children[1].birth_date:child_born_after_applicant"));
}

TEST(Validate, InvalidItemsKeepTheirIndexInRuleErrors) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["children"] = json::array({"junk", json{{"name", "x"}, {"birth_date", "1970-01-01"}}});
  EXPECT_THAT(error_codes(validate(spec, answers, today_context())),
              ElementsAre("children[0]:wrong_type", "children[1].birth_date:child_born_after_applicant"));
}

TEST(Validate, ErrorCountIsCapped) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  for (int i = 0; i < 500; ++i) answers["extra_" + std::to_string(i)] = i;
  ValidationContext context = today_context();
  context.max_errors = 10;
  const auto r = validate(spec, answers, context);
  ASSERT_EQ(r.errors.size(), 11u);
  EXPECT_EQ(r.errors.back().code, "too_many_errors");
}

const char* kRules = R"(
sections:
  - id: contact
    title: {ja: 連絡先, en: Contact, easy: れんらくさき}
    fields:
      - id: phone
        type: phone
        label: {ja: 電話番号, en: Phone, easy: でんわ}
      - id: email
        type: email
        label: {ja: メール, en: E-mail, easy: メール}
      - id: email_again
        type: email
        label: {ja: メール（確認）, en: E-mail again, easy: メール（もういちど）}
      - id: items
        type: group
        label: {ja: 品目, en: Items, easy: もの}
        repeat: {max: 5}
        item_label: {ja: 品目, en: Item, easy: もの}
        fields:
          - id: kind
            type: select
            label: {ja: 種類, en: Kind, easy: しゅるい}
            options:
              - {value: sofa, label: {ja: ソファー, en: Sofa, easy: ソファー}}
              - {value: bed, label: {ja: ベッド, en: Bed, easy: ベッド}}
rules:
    - id: contact_needed
      one_of_required: [phone, email]
    - id: email_confirmed
      same_value: [email, email_again]
    - id: one_line_per_kind
      unique: items.kind
)";

TEST(Validate, OneOfRequired) {
  const auto spec = spec_of(kRules);
  const auto r = validate(spec, json::object());
  EXPECT_THAT(error_codes(r), ElementsAre("phone:contact_needed"));
  EXPECT_EQ(r.errors[0].message.ja, "「電話番号」、「メール」のうち、少なくとも1つを入力してください。");
  EXPECT_THAT(error_codes(validate(spec, json{{"phone", "022-214-1111"}})), IsEmpty());
}

TEST(Validate, SameValue) {
  const auto spec = spec_of(kRules);
  EXPECT_THAT(error_codes(validate(spec, json{{"email", "a@example.jp"}, {"email_again", "A@EXAMPLE.JP"}})),
              ElementsAre("email_again:email_confirmed"));
  EXPECT_THAT(error_codes(validate(spec, json{{"email", "a@example.jp"}, {"email_again", "a@EXAMPLE.JP"}})),
              IsEmpty());
}

TEST(Validate, Unique) {
  const auto spec = spec_of(kRules);
  json answers{{"phone", "0222141111"},
               {"items", json::array({json{{"kind", "sofa"}}, json{{"kind", "bed"}}, json{{"kind", "sofa"}}})}};
  EXPECT_THAT(error_codes(validate(spec, answers)), ElementsAre("items[2].kind:one_line_per_kind"));
}

const char* kScreening = R"(
sections:
  - id: person
    title: {ja: 受診者, en: Person, easy: ひと}
    fields:
      - id: birth_date
        type: date
        label: {ja: 生年月日, en: Date of birth, easy: うまれた ひ}
        required: true
      - id: sex
        type: radio
        label: {ja: 性別, en: Sex, easy: せいべつ}
        required: true
        options:
          - {value: male, label: {ja: 男, en: Male, easy: おとこ}}
          - {value: female, label: {ja: 女, en: Female, easy: おんな}}
  - id: exams
    title: {ja: 検診, en: Exams, easy: けんしん}
    visible_if: {field: birth_date, answered: true}
    fields:
      - id: exams
        type: checkbox
        label: {ja: 検診, en: Exams, easy: けんしん}
        required: true
        options:
          - value: lung
            label: {ja: 肺がん, en: Lung, easy: はい}
            available_if: {field: birth_date, age_at_least: 40, age_on: fiscal_year_end}
          - value: breast
            label: {ja: 乳がん, en: Breast, easy: むね}
            available_if:
              all:
                - {field: sex, equals: female}
                - {field: birth_date, age_at_least: 40, age_on: fiscal_year_end}
          - value: cervical
            label: {ja: 子宮頸がん, en: Cervical, easy: しきゅう}
            available_if:
              not: {field: sex, not_equals: female}
)";

TEST(Validate, OptionAvailability) {
  const auto spec = spec_of(kScreening);
  const auto ctx = today_context();
  json answers{{"birth_date", "1980-01-01"}, {"sex", "female"}, {"exams", {"lung", "breast", "cervical"}}};
  EXPECT_THAT(error_codes(validate(spec, answers, ctx)), IsEmpty());
  answers["sex"] = "male";
  auto r = validate(spec, answers, ctx);
  EXPECT_THAT(error_codes(r), ElementsAre("exams:option_not_available"));
  EXPECT_EQ(r.errors[0].message.ja, "「検診」の「乳がん」は、条件に合わないため選べません。");
  answers["exams"] = {"lung"};
  EXPECT_THAT(error_codes(validate(spec, answers, ctx)), IsEmpty());
  answers["birth_date"] = "1990-01-01";
  EXPECT_THAT(error_codes(validate(spec, answers, ctx)), ElementsAre("exams:option_not_available"));
}

TEST(Validate, SectionConditionHidesItsFields) {
  const auto spec = spec_of(kScreening);
  const auto r = validate(spec, json{{"sex", "male"}, {"exams", {"lung"}}}, today_context());
  EXPECT_THAT(error_codes(r), ElementsAre("birth_date:required"));
  EXPECT_FALSE(r.answers.contains("exams"));
}

TEST(ValidateSection, OnlyThatSectionsAnswersAndErrors) {
  const auto spec = spec_of(kHousehold);
  json answers{{"name", "山田　太郎"}, {"birth_date", "1985-01-02"}, {"children", json::array({json{{"name", "a"}}})}};
  auto r = validate_section(spec, "applicant", answers, today_context());
  EXPECT_THAT(error_codes(r), ElementsAre("has_spouse:required_choice"));
  EXPECT_EQ(r.answers, (json{{"name", "山田　太郎"}, {"birth_date", "1985-01-02"}}));
  r = validate_section(spec, "children", answers, today_context());
  EXPECT_THAT(error_codes(r), ElementsAre("children[0].birth_date:required"));
  EXPECT_EQ(r.answers.size(), 1u);
}

TEST(ValidateSection, RulesReadOtherSections) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["children"][0]["birth_date"] = "1970-01-01";
  EXPECT_THAT(error_codes(validate_section(spec, "children", answers, today_context())),
              ElementsAre("children[0].birth_date:child_born_after_applicant"));
  EXPECT_THAT(error_codes(validate_section(spec, "applicant", answers, today_context())), IsEmpty());
}

TEST(ValidateSection, UnknownTopLevelKeysStillReported) {
  const auto spec = spec_of(kHousehold);
  json answers = good_household();
  answers["junk"] = 1;
  EXPECT_THAT(error_codes(validate_section(spec, "applicant", answers, today_context())),
              ElementsAre("junk:unknown_field"));
}

TEST(ValidateSection, UnknownSection) {
  const auto spec = spec_of(kHousehold);
  const auto r = validate_section(spec, "nope", json::object());
  EXPECT_THAT(error_codes(r), ElementsAre(":unknown_section"));
  EXPECT_NE(r.errors[0].message.en.find("nope"), std::string::npos);
}

}  // namespace
}  // namespace madoguchi::forms
