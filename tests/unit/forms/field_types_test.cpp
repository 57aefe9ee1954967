// Every field type: what it accepts, how it normalises, what it refuses and with which code.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "forms/validation.h"
#include "jp/postal.h"
#include "spec_helpers.h"

namespace madoguchi::forms {
namespace {

using json = nlohmann::json;
using ::testing::ElementsAre;
using testing::error_codes;
using testing::fields_spec;
using testing::today_context;

// Validates {"f": value} against a form whose only field is `field_yaml` (with id f).
struct One {
  explicit One(const std::string& field_yaml) : spec(fields_spec(field_yaml)) {}
  ValidationResult run(const json& value, const ValidationContext& context = today_context()) const {
    return validate(spec, json{{"f", value}}, context);
  }
  // The normalised answer, or "error:<code>".
  json value(const json& value, const ValidationContext& context = today_context()) const {
    const auto r = run(value, context);
    if (!r.ok()) return "error:" + r.errors.front().code;
    return r.answers.contains("f") ? r.answers["f"] : json("absent");
  }
  FormSpec spec;
};

const char* kLabel = "        label: {ja: 項目, en: Item, easy: こうもく}\n";

std::string field(const std::string& type, const std::string& extra = "") {
  return "      - id: f\n        type: " + type + "\n" + kLabel + extra;
}

TEST(TextField, KeepsTextTrimsEndsAndChecksLength) {
  One f(field("text", "        max_length: 5\n"));
  EXPECT_EQ(f.value("  日本語 "), "日本語");
  EXPECT_EQ(f.value("あいうえお"), "あいうえお");
  EXPECT_EQ(f.value("あいうえおか"), "error:too_long");
  EXPECT_EQ(f.value("a\nb"), "error:line_break_not_allowed");
  EXPECT_EQ(f.value("a\u202Eb"), "error:control_character");
  EXPECT_EQ(f.value("ab\x01"), "error:control_character");
  EXPECT_EQ(f.value(12), "error:wrong_type");
  EXPECT_EQ(f.value("   "), "absent");
  EXPECT_EQ(f.value(""), "absent");
  EXPECT_EQ(f.value(nullptr), "absent");
}

TEST(TextField, TooLongMessageCountsCharacters) {
  One f(field("text", "        max_length: 3\n"));
  const auto r = f.run("髙橋さん");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message.ja, "「項目」は3文字以内で入力してください（いまは4文字です）。");
  EXPECT_EQ(r.errors[0].message.en, "\u201cItem\u201d must be at most 3 characters (it has 4).");
  EXPECT_EQ(r.errors[0].message.easy, "「こうもく」は 3もじ までに して ください。");
}

TEST(TextField, MultilineUnifiesLineBreaks) {
  One f(field("text", "        multiline: true\n"));
  EXPECT_EQ(f.value("一行目\r\n二行目\r三行目"), "一行目\n二行目\n三行目");
}

TEST(TextField, MinLength) {
  One f(field("text", "        min_length: 2\n"));
  EXPECT_EQ(f.value("a"), "error:too_short");
  EXPECT_EQ(f.value("ab"), "ab");
}

TEST(TextField, PatternMatchesAfterWidthNormalisation) {
  One f(field("text",
              "        pattern: \"^[0-9]{7}$\"\n"
              "        pattern_hint: {ja: 半角数字7桁, en: 7 digits, easy: すうじ 7けた}\n"
              "        max_length: 7\n"));
  EXPECT_EQ(f.value("１２３４５６７"), "1234567");
  EXPECT_EQ(f.value("123456a"), "error:pattern_mismatch");
  const auto r = f.run("12-3456");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.errors[0].message.ja, "「項目」は半角数字7桁で入力してください。");
  EXPECT_EQ(r.errors[0].message.en, "\u201cItem\u201d must be 7 digits.");
}

TEST(TextField, InvalidUtf8IsAnErrorNotACrash) {
  One f(field("text"));
  const auto r = f.run(std::string("ab\xff\xfe"));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, "invalid_utf8");
  EXPECT_NE(r.errors[0].message.ja.find("3バイト目"), std::string::npos);
  EXPECT_NO_THROW((void)json(r.errors[0].message.ja).dump());
}

TEST(TextField, HugeInputIsRefusedCheaply) {
  One f(field("text"));
  EXPECT_EQ(f.value(std::string(5'000'000, 'a')), "error:too_long");
}

TEST(KatakanaField, NormalisesToFullWidthKatakana) {
  One f(field("katakana"));
  EXPECT_EQ(f.value("やまだ たろう"), "ヤマダ タロウ");
  EXPECT_EQ(f.value("ﾔﾏﾀﾞ　ﾀﾛｳ"), "ヤマダ タロウ");
  EXPECT_EQ(f.value("ヴァイオリン"), "ヴァイオリン");
  EXPECT_EQ(f.value("山田"), "error:furigana_invalid_character");
  EXPECT_EQ(f.value("ーヤマ"), "error:furigana_misplaced_mark");
}

TEST(KatakanaField, JpMessageIsWrappedWithTheLabel) {
  One f(field("katakana"));
  const auto r = f.run("ヤマ田");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message.ja.rfind("「項目」: ", 0), 0u);
  EXPECT_EQ(r.errors[0].message.en.rfind("\u201cItem\u201d: ", 0), 0u);
  EXPECT_EQ(r.errors[0].message.easy, "「こうもく」: カタカナで かいて ください。");
}

TEST(NameField, KeptByteForByte) {
  One f(field("name"));
  for (const char* name : {"髙橋　一郎", "﨑山 𠮷男", " 山田太郎 ", "葛\U000E0100城", "ｶﾀｶﾅ 名"}) {
    EXPECT_EQ(f.value(name), name);
  }
  EXPECT_EQ(f.value("山田\n太郎"), "error:line_break_not_allowed");
  EXPECT_EQ(f.value("山田\t太郎"), "error:control_character");
  EXPECT_EQ(f.value("　"), "absent");
}

TEST(NameField, WarnsAboutCharactersOutsideJisX0208) {
  One f(field("name"));
  const auto r = f.run("髙﨑　𠮷男");
  EXPECT_TRUE(r.ok());
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].code, "character_outside_jis_x_0208");
  EXPECT_NE(r.warnings[0].message.ja.find("髙"), std::string::npos);
  EXPECT_NE(r.warnings[0].message.ja.find("𠮷"), std::string::npos);
  EXPECT_TRUE(f.run("山田太郎").warnings.empty());
}

TEST(EmailField, NormalisesWidthAndDomain) {
  One f(field("email"));
  EXPECT_EQ(f.value("Taro.Yamada@Example.JP"), "Taro.Yamada@example.jp");
  EXPECT_EQ(f.value("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ"), "taro@example.jp");
  EXPECT_EQ(f.value("  taro@example.jp "), "taro@example.jp");
  EXPECT_EQ(f.value("taro..x.@docomo.ne.jp"), "taro..x.@docomo.ne.jp");
  for (const char* bad : {"taro", "taro@", "@example.jp", "taro@example", "taro@exa mple.jp",
                          "taro@-example.jp", "太郎@example.jp", "taro@example.j1", "a@b@c.jp"}) {
    EXPECT_EQ(f.value(bad), "error:invalid_email") << bad;
  }
}

TEST(PhoneField, NormalisedWithHyphens) {
  One f(field("phone"));
  EXPECT_EQ(f.value("0222141111"), "022-214-1111");
  EXPECT_EQ(f.value("０９０（１２３４）５６７８"), "090-1234-5678");
  EXPECT_EQ(f.value("+81 22 214 1111"), "022-214-1111");
  EXPECT_EQ(f.value("2141111"), "error:missing_leading_zero");
  EXPECT_EQ(f.value("090-1234-567"), "error:wrong_length");
}

TEST(PostalCodeField, FormatOnlyWithoutDirectory) {
  One f(field("postal_code"));
  EXPECT_EQ(f.value("〒９８０－８６７１"), "980-8671");
  EXPECT_EQ(f.value("9808671"), "980-8671");
  EXPECT_EQ(f.value("0000000"), "000-0000");
  EXPECT_EQ(f.value("980-867"), "error:wrong_length");
}

std::string postal_table() {
  const std::string body =
      "madoguchi-postal\t1\t1\t1\ttest\n"
      "宮城県\t仙台市青葉区\n"
      "9808671\t0\t国分町\t\n";
  std::uint32_t hash = 0x811c9dc5u;
  for (unsigned char b : body) hash = (hash ^ b) * 0x01000193u;
  char end[32];
  std::snprintf(end, sizeof end, "end\t%08x\n", hash);
  return body + end;
}

TEST(PostalCodeField, LooksUpTheDirectoryWhenGiven) {
  auto directory = jp::PostalDirectory::parse(postal_table(), "test");
  ASSERT_TRUE(directory.ok());
  ValidationContext context = today_context();
  context.postal_directory = &directory.value();
  One f(field("postal_code"));
  EXPECT_EQ(f.value("980-8671", context), "980-8671");
  const auto r = f.run("000-0000", context);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, "postal_code_unknown");
  EXPECT_NE(r.errors[0].message.ja.find("000-0000"), std::string::npos);
}

TEST(AddressField, NormalisesWidthOnly) {
  One f(field("address"));
  EXPECT_EQ(f.value("仙台市青葉区国分町３丁目７－１　"), "仙台市青葉区国分町3丁目7-1");
  EXPECT_EQ(f.value("仙台市青葉区一番町四丁目"), "仙台市青葉区一番町四丁目");
}

TEST(DateField, AcceptsWarekiFullWidthAndIso) {
  One f(field("date"));
  EXPECT_EQ(f.value("令和8年11月22日"), "2026-11-22");
  EXPECT_EQ(f.value("R8.11.22"), "2026-11-22");
  EXPECT_EQ(f.value("令和元年5月1日"), "2019-05-01");
  EXPECT_EQ(f.value("２０２６－１１－２２"), "2026-11-22");
  EXPECT_EQ(f.value("2026-11-22"), "2026-11-22");
  EXPECT_EQ(f.value("平成31年4月30日"), "2019-04-30");
  EXPECT_EQ(f.value("S64.1.7"), "1989-01-07");
  EXPECT_EQ(f.value("2026-02-30"), "error:day_out_of_range");
  EXPECT_EQ(f.value("令和元年4月30日"), "error:date_before_era_start");
  EXPECT_EQ(f.value(20261122), "error:wrong_type");
}

TEST(DateField, RelativeLimitsNeedToday) {
  One f(field("date", "        min: today-120y\n        max: today\n"));
  EXPECT_EQ(f.value("2026-11-22"), "2026-11-22");
  EXPECT_EQ(f.value("2026-11-23"), "error:date_too_late");
  EXPECT_EQ(f.value("1906-11-21"), "error:date_too_early");
  EXPECT_EQ(f.value("2030-01-01", ValidationContext{}), "2030-01-01");
  const auto r = f.run("令和9年1月1日");
  EXPECT_EQ(r.errors[0].message.ja, "「項目」は令和8年（2026年）11月22日以前の日付にしてください。");
  EXPECT_EQ(r.errors[0].message.en, "\u201cItem\u201d must be on or before 2026-11-22.");
}

TEST(DateField, AbsoluteLimits) {
  One f(field("date", "        min: 2026-04-01\n        max: 2027-03-31\n"));
  EXPECT_EQ(f.value("2026-04-01"), "2026-04-01");
  EXPECT_EQ(f.value("2026-03-31"), "error:date_too_early");
  EXPECT_EQ(f.value("2027-04-01"), "error:date_too_late");
}

TEST(DateField, AgeAtFiscalYearEnd) {
  // Today 2026-11-22: the fiscal year ends 2027-03-31.
  One f(field("date", "        min_age: 40\n        max_age: 69\n        age_on: fiscal_year_end\n"));
  EXPECT_EQ(f.value("1987-04-01"), "1987-04-01");       // 40 on 2027-03-31 (legal age)
  EXPECT_EQ(f.value("1987-04-02"), "error:age_too_low");  // 39 then
  EXPECT_EQ(f.value("1957-04-02"), "1957-04-02");       // 69
  EXPECT_EQ(f.value("1957-04-01"), "error:age_too_high");  // 70 (reached at the end of 3/31)
}

TEST(DateField, ChildAllowanceAgeLimit) {
  // Up to the first 31 March after turning 18.
  One f(field("date", "        max_age: 18\n        age_on: fiscal_year_end\n"));
  EXPECT_EQ(f.value("2008-04-02"), "2008-04-02");
  EXPECT_EQ(f.value("2008-04-01"), "error:age_too_high");
}

TEST(NumberField, AcceptsNumbersAndNumericStrings) {
  One f(field("number", "        min: 0\n        max: 1000000\n"));
  EXPECT_EQ(f.value(12), 12);
  EXPECT_EQ(f.value("12"), 12);
  EXPECT_EQ(f.value("１２"), 12);
  EXPECT_EQ(f.value("1,234"), 1234);
  EXPECT_EQ(f.value(" 42 "), 42);
  EXPECT_EQ(f.value("12.0"), 12);
  EXPECT_EQ(f.value(12.0), 12);
  EXPECT_EQ(f.value("12.5"), "error:not_an_integer");
  EXPECT_EQ(f.value(12.5), "error:not_an_integer");
  EXPECT_EQ(f.value("1,23"), "error:not_a_number");
  EXPECT_EQ(f.value("12a"), "error:not_a_number");
  EXPECT_EQ(f.value("1e3"), "error:not_a_number");
  EXPECT_EQ(f.value("-1"), "error:number_too_small");
  EXPECT_EQ(f.value(1000001), "error:number_too_large");
  EXPECT_EQ(f.value(true), "error:wrong_type");
  EXPECT_EQ(f.value(json::array({1})), "error:wrong_type");
  EXPECT_EQ(f.value(""), "absent");
}

TEST(NumberField, HugeNumbersAreOutOfRange) {
  One f(field("number"));
  EXPECT_EQ(f.value(std::numeric_limits<std::uint64_t>::max()), "error:number_too_large");
  EXPECT_EQ(f.value(std::numeric_limits<std::int64_t>::min()), "error:number_too_small");
  EXPECT_EQ(f.value(1e300), "error:number_too_large");
  EXPECT_EQ(f.value(std::string(39, '9')), "error:number_too_large");
  EXPECT_EQ(f.value("-" + std::string(39, '9')), "error:number_too_small");
  EXPECT_EQ(f.value(std::string(200, '9')), "error:not_a_number");
  EXPECT_EQ(f.value(9007199254740991LL), 9007199254740991LL);
  EXPECT_EQ(f.value(9007199254740992LL), "error:number_too_large");
}

TEST(NumberField, Decimals) {
  One f(field("number", "        decimals: 1\n        max: 24\n"));
  EXPECT_EQ(f.value("7.5"), 7.5);
  EXPECT_EQ(f.value(7.5), 7.5);
  EXPECT_EQ(f.value("7.25"), "error:too_many_decimals");
  EXPECT_EQ(f.value(0.0000001), "error:too_many_decimals");
  const auto r = f.run(1e20);
  EXPECT_EQ(r.errors[0].code, "number_too_large");
  EXPECT_EQ(r.errors[0].message.ja, "「項目」は24以下にしてください。");
}

TEST(NumberField, LimitMessagesGroupDigits) {
  One f(field("number", "        max: 10000000000\n"));
  EXPECT_EQ(f.run(10000000001).errors[0].message.en, "\u201cItem\u201d must be at most 10,000,000,000.");
}

const std::string kOptions =
    "        options:\n"
    "          - {value: a, label: {ja: あ, en: A, easy: あ}}\n"
    "          - {value: b, label: {ja: い, en: B, easy: い}}\n"
    "          - {value: c, label: {ja: う, en: C, easy: う}}\n";

TEST(SelectAndRadioFields, OneOfTheOptions) {
  for (const char* type : {"select", "radio"}) {
    One f(field(type, kOptions));
    EXPECT_EQ(f.value("a"), "a");
    EXPECT_EQ(f.value("z"), "error:not_an_option");
    EXPECT_EQ(f.value("A"), "error:not_an_option");
    EXPECT_EQ(f.value(1), "error:wrong_type");
    EXPECT_EQ(f.value(json::array({"a"})), "error:wrong_type");
    EXPECT_EQ(f.value(""), "absent");
  }
}

TEST(SelectField, RequiredMessageSaysChoose) {
  One f(field("select", kOptions + "        required: true\n"));
  const auto r = f.run(nullptr);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, "required_choice");
  EXPECT_EQ(r.errors[0].message.ja, "「項目」を選んでください。");
  EXPECT_EQ(r.errors[0].message.easy, "「こうもく」を えらんで ください。");
}

TEST(CheckboxField, SingleBox) {
  One f(field("checkbox"));
  EXPECT_EQ(f.value(true), true);
  EXPECT_EQ(f.value(false), false);
  EXPECT_EQ(f.value(nullptr), false);
  EXPECT_EQ(f.value("true"), "error:wrong_type");
  One required(field("checkbox", "        required: true\n"));
  EXPECT_EQ(required.value(true), true);
  EXPECT_EQ(required.value(false), "error:required_check");
  EXPECT_EQ(required.value(nullptr), "error:required_check");
}

TEST(CheckboxField, ListOfOptionsInOptionOrder) {
  One f(field("checkbox", kOptions + "        min_choices: 1\n        max_choices: 2\n"));
  EXPECT_EQ(f.value(json::array({"c", "a"})), json::array({"a", "c"}));
  EXPECT_EQ(f.value(json::array({"a", "b", "c"})), "error:too_many_choices");
  EXPECT_EQ(f.value(json::array({"a", "a"})), "error:duplicate_choice");
  EXPECT_EQ(f.value(json::array({"a", "x"})), "error:not_an_option");
  EXPECT_EQ(f.value(json::array({"a", 1})), "error:wrong_type");
  EXPECT_EQ(f.value("a"), "error:wrong_type");
  EXPECT_EQ(f.value(json::array()), "absent");
  EXPECT_EQ(f.value(json(std::vector<std::string>(10000, "a"))), "error:too_many_choices");
  const auto r = f.run(json::array({"a", 7}));
  EXPECT_EQ(r.errors[0].path, "f[1]");
}

const std::string kFile =
    "        accept: [application/pdf, image/jpeg]\n"
    "        max_size: 2MB\n";

json upload(const std::string& type, std::uint64_t size) {
  return json{{"upload_id", "up_123"}, {"content_type", type}, {"size", size}, {"filename", "証明書.pdf"}};
}

TEST(FileField, ChecksTypeAndSize) {
  One f(field("file", kFile));
  EXPECT_EQ(f.value(upload("application/pdf", 2 * 1024 * 1024)), upload("application/pdf", 2 * 1024 * 1024));
  EXPECT_EQ(f.value(upload("Image/JPEG; charset=binary", 10))["content_type"], "image/jpeg");
  EXPECT_EQ(f.value(upload("image/png", 10)), "error:file_type_not_allowed");
  EXPECT_EQ(f.value(upload("application/pdf", 2 * 1024 * 1024 + 1)), "error:file_too_large");
  const auto r = f.run(upload("application/pdf", 3 * 1024 * 1024));
  EXPECT_EQ(r.errors[0].message.ja, "「項目」のファイルが大きすぎます（3MB）。2MB以下にしてください。");
}

TEST(FileField, RefusesIncompleteUploads) {
  One f(field("file", kFile));
  EXPECT_EQ(f.value(json{{"upload_id", "up_1"}}), "error:file_upload_invalid");
  EXPECT_EQ(f.value(json{{"upload_id", "../etc/passwd"}, {"content_type", "application/pdf"}, {"size", 1}}),
            "error:file_upload_invalid");
  EXPECT_EQ(f.value(json{{"upload_id", "u"}, {"content_type", "application/pdf"}, {"size", -1}}),
            "error:file_upload_invalid");
  EXPECT_EQ(f.value(json{{"upload_id", "u"}, {"content_type", "application/pdf"}, {"size", 1},
                         {"filename", std::string("a\xff")}}),
            "error:file_upload_invalid");
  EXPECT_EQ(f.value("up_123"), "error:wrong_type");
  One required(field("file", kFile + "        required: true\n"));
  EXPECT_EQ(required.value(nullptr), "error:required_file");
}

TEST(FileField, DropsUnknownKeys) {
  One f(field("file", kFile));
  json value = upload("application/pdf", 1);
  value["path"] = "/var/secret";
  EXPECT_FALSE(f.value(value).contains("path"));
}

}  // namespace
}  // namespace madoguchi::forms
