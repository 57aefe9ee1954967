// libFuzzer target for the form engine's entry points: validate(), validate_section() and
// answers_from_form_post() on a household form with every field type, groups, conditions and
// rules. Whatever the input (JSON, a form post, raw bytes in every field), they must not throw or
// crash, every message and path must be valid UTF-8, and accepted answers must validate again to
// themselves (normalisation is idempotent).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/form_post.h"
#include "forms/spec_from_yaml.h"
#include "forms/validation.h"

using namespace madoguchi::forms;
using json = nlohmann::json;

namespace {

const char* kSpec = R"(
sections:
  - id: applicant
    title: {ja: 申請者, en: Applicant, easy: もうしこむ ひと}
    fields:
      - {id: name, type: name, label: {ja: 氏名, en: Name, easy: なまえ}, required: true, max_length: 40}
      - {id: kana, type: katakana, label: {ja: フリガナ, en: Kana, easy: よみ}}
      - {id: email, type: email, label: {ja: メール, en: E-mail, easy: メール}}
      - {id: email_again, type: email, label: {ja: メール確認, en: E-mail again, easy: メール}}
      - {id: phone, type: phone, label: {ja: 電話, en: Phone, easy: でんわ}}
      - {id: postal, type: postal_code, label: {ja: 郵便番号, en: Postal code, easy: ゆうびん}}
      - {id: address, type: address, label: {ja: 住所, en: Address, easy: じゅうしょ}}
      - {id: born, type: date, label: {ja: 生年月日, en: Born, easy: うまれ}, max: today, min: today-120y}
      - id: note
        type: text
        label: {ja: 備考, en: Note, easy: メモ}
        multiline: true
        max_length: 200
      - id: account
        type: text
        label: {ja: 口座番号, en: Account, easy: こうざ}
        pattern: "^[0-9]{7}$"
        pattern_hint: {ja: 7桁, en: 7 digits, easy: 7けた}
        max_length: 7
      - {id: copies, type: number, label: {ja: 通数, en: Copies, easy: まい}, min: 1, max: 10}
      - {id: hours, type: number, label: {ja: 時間, en: Hours, easy: じかん}, decimals: 1, max: 24}
      - {id: agree, type: checkbox, label: {ja: 同意, en: Agree, easy: いい}}
      - id: kind
        type: radio
        label: {ja: 種類, en: Kind, easy: しゅるい}
        options:
          - {value: a, label: {ja: a, en: a, easy: a}}
          - {value: b, label: {ja: b, en: b, easy: b}}
      - id: exams
        type: checkbox
        label: {ja: 検診, en: Exams, easy: けんしん}
        max_choices: 2
        options:
          - {value: lung, label: {ja: 肺, en: Lung, easy: はい}, available_if: {field: born, age_at_least: 40}}
          - {value: colon, label: {ja: 大腸, en: Colon, easy: だいちょう}}
          - {value: breast, label: {ja: 乳, en: Breast, easy: むね}, available_if: {field: kind, equals: b}}
      - id: proof
        type: file
        label: {ja: 書類, en: Proof, easy: しょるい}
        accept: [application/pdf, image/jpeg]
        max_size: 1MB
      - id: spouse
        type: group
        label: {ja: 配偶者, en: Spouse, easy: つま}
        visible_if: {field: kind, equals: a}
        fields:
          - {id: name, type: name, label: {ja: 氏名, en: Name, easy: なまえ}, required: true}
          - {id: born, type: date, label: {ja: 生年月日, en: Born, easy: うまれ}}
  - id: children
    title: {ja: 子ども, en: Children, easy: こども}
    visible_if: {any: [{field: agree, equals: true}, {field: kind, in: [a, b]}]}
    fields:
      - id: children
        type: group
        label: {ja: 子ども, en: Children, easy: こども}
        repeat: {min: 1, max: 4}
        item_label: {ja: 子, en: Child, easy: こ}
        fields:
          - {id: name, type: name, label: {ja: 氏名, en: Name, easy: なまえ}, required: true}
          - {id: born, type: date, label: {ja: 生年月日, en: Born, easy: うまれ}, max_age: 18, age_on: fiscal_year_end}
          - {id: apart, type: checkbox, label: {ja: 別居, en: Apart, easy: べつ}}
          - {id: address, type: address, label: {ja: 住所, en: Address, easy: じゅうしょ}, required: true, visible_if: {field: apart, equals: true}}
          - id: toys
            type: group
            label: {ja: おもちゃ, en: Toys, easy: おもちゃ}
            repeat: {max: 3}
            item_label: {ja: おもちゃ, en: Toy, easy: おもちゃ}
            fields:
              - {id: kind, type: select, label: {ja: 種類, en: Kind, easy: しゅるい}, options: [{value: ball, label: {ja: 球, en: Ball, easy: ボール}}]}
rules:
  - {id: child_after_parent, date_order: {earlier: born, later: children.born}}
  - {id: contact, one_of_required: [phone, email]}
  - {id: email_confirmed, same_value: [email, email_again]}
  - {id: distinct_children, unique: children.name}
)";

const FormSpec& spec() {
  static const FormSpec built = [] {
    auto result = parse_form_spec(kSpec);
    if (!result.spec) std::abort();
    return *result.spec;
  }();
  return built;
}

ValidationContext context() {
  ValidationContext c;
  c.today = std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{22}};
  c.max_errors = 50;
  return c;
}

// Throws (and so crashes the fuzzer) if any string is not valid UTF-8.
void check_printable(const ValidationResult& r) {
  (void)r.answers.dump();
  for (const auto* list : {&r.errors, &r.warnings}) {
    for (const auto& e : *list) {
      if (e.code.empty() || e.message.ja.empty() || e.message.en.empty() || e.message.easy.empty()) std::abort();
      (void)json{e.path, e.code, e.message.ja, e.message.en, e.message.easy}.dump();
    }
  }
  if (r.errors.size() > 51) std::abort();
}

void run(const json& answers) {
  const auto ctx = context();
  const auto r = validate(spec(), answers, ctx);
  check_printable(r);
  if (r.ok()) {
    const auto again = validate(spec(), r.answers, ctx);
    if (!again.ok() || again.answers != r.answers) std::abort();
  }
  for (const char* section : {"applicant", "children", "nope"}) check_printable(validate_section(spec(), section, answers, ctx));
}

std::vector<std::pair<std::string, std::string>> split_post(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> fields;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const auto pair = text.substr(0, amp);
    const auto eq = pair.find('=');
    fields.emplace_back(std::string(pair.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
    if (amp == std::string_view::npos) break;
    text.remove_prefix(amp + 1);
  }
  return fields;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: {
      const json answers = json::parse(text, nullptr, false);
      if (!answers.is_discarded()) run(answers);
      break;
    }
    case 1: {
      FormPostOptions options;
      if (size > 1 && (data[1] & 1)) options.section_id = "applicant";
      options.resolve_upload = [](std::string_view id) -> std::optional<json> {
        if (id.empty() || id.size() > 64) return std::nullopt;
        return json{{"upload_id", "u1"}, {"content_type", "application/pdf"}, {"size", id.size() * 1000}, {"filename", "a.pdf"}};
      };
      run(answers_from_form_post(spec(), split_post(text), options));
      break;
    }
    default: {
      // The same raw bytes in every field, so each type's checker sees invalid UTF-8 and worse.
      json answers = json::object();
      spec().for_each_field([&](const Field& field, const std::string& path) {
        if (path.find('.') == std::string::npos && field.type != FieldType::group) answers[field.id] = std::string(text);
      });
      answers["children"] = json::array({json{{"name", std::string(text)}, {"born", std::string(text)}}});
      run(answers);
    }
  }
  return 0;
}
