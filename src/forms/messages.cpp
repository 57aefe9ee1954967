#include "forms/messages.h"

#include <array>

namespace madoguchi::forms {

namespace {

struct Template {
  std::string_view code;
  std::string_view ja;
  std::string_view en;
  std::string_view easy;
};

// {label} is the field's label; rules use {earlier}, {later}, {other} and {labels}.
constexpr std::array kTemplates{
    Template{"required", "{label}を入力してください。", "{label} is required.",
             "{label}を かいて ください。"},
    Template{"required_choice", "{label}を選んでください。", "Choose {label}.",
             "{label}を えらんで ください。"},
    Template{"required_check", "{label}にチェックを入れてください。", "Tick {label}.",
             "{label}に チェックを いれて ください。"},
    Template{"required_file", "{label}のファイルを添付してください。",
             "Attach a file for {label}.", "{label}の ファイルを つけて ください。"},
    Template{"unknown_field", "「{path}」という項目はこの手続にありません。",
             "\"{path}\" is not a field of this form.",
             "「{path}」と いう こうもくは ありません。"},
    Template{"wrong_type", "{label}の値の形が違います（{expected}で送ってください）。",
             "{label} has the wrong kind of value (send {expected}).",
             "{label}の かきかたが ちがいます。"},
    Template{"invalid_utf8", "{label}に読み取れない文字があります（{position}バイト目）。",
             "{label} contains bytes that are not valid UTF-8 (at byte {position}).",
             "{label}に よめない もじが あります。"},
    Template{"control_character", "{label}に使えない文字 {char} があります。",
             "{label} contains a character that cannot be used: {char}.",
             "{label}に つかえない もじが あります。"},
    Template{"line_break_not_allowed", "{label}は改行せずに1行で入力してください。",
             "{label} must be on one line.", "{label}は 1ぎょうで かいて ください。"},
    Template{"too_long", "{label}は{max}文字以内で入力してください（いまは{count}文字です）。",
             "{label} must be at most {max} characters (it has {count}).",
             "{label}は {max}もじ までに して ください。"},
    Template{"too_short", "{label}は{min}文字以上で入力してください（いまは{count}文字です）。",
             "{label} must be at least {min} characters (it has {count}).",
             "{label}は {min}もじ いじょう かいて ください。"},
    Template{"pattern_mismatch", "{label}は{hint}で入力してください。",
             "{label} must be {hint}.", "{label}は {hint}で かいて ください。"},
    Template{"invalid_email",
             "{label}はメールアドレスの形（例: taro@example.jp）で入力してください。",
             "{label} must be an e-mail address such as taro@example.jp.",
             "{label}は メールアドレスを かいて ください。れい: taro@example.jp"},
    Template{"postal_code_unknown",
             "{label}の郵便番号 {value} は見つかりません。番号を確かめてください。",
             "The postal code {value} in {label} does not exist; please check it.",
             "ゆうびんばんごう {value} は ありません。もう いちど みて ください。"},
    Template{"date_too_early", "{label}は{min}以降の日付にしてください。",
             "{label} must be on or after {min}.",
             "{label}は {min}か それより あとの ひに して ください。"},
    Template{"date_too_late", "{label}は{max}以前の日付にしてください。",
             "{label} must be on or before {max}.",
             "{label}は {max}か それより まえの ひに して ください。"},
    Template{"age_too_low", "{label}から数えた年齢が{min}歳未満です。{min}歳以上の方が対象です。",
             "By {label} the age is under {min}; this is for people aged {min} or over.",
             "{min}さい いじょうの ひとが つかえます。"},
    Template{"age_too_high", "{label}から数えた年齢が{max}歳を超えています。{max}歳以下の方が対象です。",
             "By {label} the age is over {max}; this is for people aged {max} or under.",
             "{max}さい までの ひとが つかえます。"},
    Template{"not_a_number", "{label}は数字で入力してください。", "{label} must be a number.",
             "{label}は すうじで かいて ください。"},
    Template{"not_an_integer", "{label}は整数（小数点のない数）で入力してください。",
             "{label} must be a whole number.",
             "{label}は 1、2、3の ような かずで かいて ください。"},
    Template{"too_many_decimals", "{label}は小数点以下{decimals}桁までで入力してください。",
             "{label} allows at most {decimals} digits after the decimal point.",
             "{label}の 「.」の あとは {decimals}けた までです。"},
    Template{"number_too_small", "{label}は{min}以上にしてください。",
             "{label} must be at least {min}.", "{label}は {min}いじょうに して ください。"},
    Template{"number_too_large", "{label}は{max}以下にしてください。",
             "{label} must be at most {max}.", "{label}は {max}いかに して ください。"},
    Template{"not_an_option", "{label}は選択肢の中から選んでください（{value} は選択肢にありません）。",
             "Choose {label} from its options ({value} is not one of them).",
             "{label}は えらべる ものの なかから えらんで ください。"},
    Template{"option_not_available", "{label}の{option}は、条件に合わないため選べません。",
             "{option} cannot be chosen for {label}: its conditions are not met.",
             "{option}は えらべません。"},
    Template{"duplicate_choice", "{label}で同じ選択肢 {value} が2回選ばれています。",
             "{label} lists the choice {value} twice.",
             "{label}で おなじ ものを 2かい えらんで います。"},
    Template{"too_few_choices", "{label}は{min}個以上選んでください。",
             "Choose at least {min} for {label}.", "{label}は {min}こ いじょう えらんで ください。"},
    Template{"too_many_choices", "{label}は{max}個まで選べます（いまは{count}個です）。",
             "Choose at most {max} for {label} ({count} chosen).",
             "{label}は {max}こ まで えらべます。"},
    Template{"file_type_not_allowed",
             "{label}のファイルの形式（{value}）は受け付けていません。受け付ける形式: {accept}。",
             "The file type {value} is not accepted for {label}; accepted: {accept}.",
             "この ファイルは つかえません。つかえる ファイル: {accept}"},
    Template{"file_too_large", "{label}のファイルが大きすぎます（{size}）。{max}以下にしてください。",
             "The file for {label} is too large ({size}); the limit is {max}.",
             "ファイルが おおきすぎます。{max}より ちいさく して ください。"},
    Template{"file_upload_invalid",
             "{label}のファイルの情報が正しくありません。もう一度ファイルを添付してください。",
             "The upload for {label} is incomplete; please attach the file again.",
             "もう いちど {label}の ファイルを つけて ください。"},
    Template{"too_few_items", "{label}は{min}件以上入力してください。",
             "Add at least {min} entries to {label}.",
             "{label}を {min}つ いじょう かいて ください。"},
    Template{"too_many_items", "{label}は{max}件まで入力できます（いまは{count}件です）。",
             "{label} takes at most {max} entries ({count} given).",
             "{label}は {max}つ までです。"},
    Template{"too_many_errors",
             "誤りが多いため、最初の{max}件だけを表示しています。直してからもう一度送ってください。",
             "There are too many problems; only the first {max} are shown. Fix them and send "
             "again.",
             "まちがいが おおいです。なおしてから もう いちど おくって ください。"},
    Template{"unknown_section", "「{value}」というページはこの手続にありません。",
             "This form has no page \"{value}\".", "この ページは ありません。"},
    Template{"not_an_object", "回答は JSON のオブジェクト（{…}）で送ってください。",
             "Send the answers as a JSON object ({…}).", "こたえの かたちが ちがいます。"},
    Template{"date_order", "{later}は{earlier}より後の日付にしてください。",
             "{later} must be after {earlier}.",
             "{later}は {earlier}より あとの ひに して ください。"},
    Template{"date_order_or_equal", "{later}は{earlier}と同じ日か、それより後の日付にしてください。",
             "{later} must be on or after {earlier}.",
             "{later}は {earlier}と おなじ ひか、あとの ひに して ください。"},
    Template{"one_of_required", "{labels}のうち、少なくとも1つを入力してください。",
             "Fill in at least one of {labels}.",
             "{labels}の どれか 1つを かいて ください。"},
    Template{"unique", "{label}が同じものが2つ以上あります（{value}）。",
             "Two or more entries have the same {label} ({value}).",
             "おなじ {label}が 2つ いじょう あります。"},
    Template{"same_value", "{label}が{other}と一致しません。", "{label} does not match {other}.",
             "{label}と {other}が おなじでは ありません。"},
    Template{"character_outside_jis_x_0208",
             "{label}の {chars} は、ほかのシステムや印刷で正しく表示できないことがあります。窓口で字形を確認することがあります。",
             "{chars} in {label} may not display correctly in other systems or in print; staff "
             "may check the character with you.",
             "{label}の {chars} は、ほかの システムで でない ことが あります。"},
    Template{"invalid_answer", "{label}の値を受け付けられません。", "{label} cannot be accepted.",
             "{label}を なおして ください。"},
};

const Template& find_template(std::string_view code) {
  for (const auto& t : kTemplates) {
    if (t.code == code) return t;
  }
  return kTemplates.back();
}

std::string fill(std::string_view pattern, std::string_view label,
                 const std::vector<std::pair<std::string_view, std::string_view>>& args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      const auto close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const auto name = pattern.substr(i + 1, close - i - 1);
        bool replaced = false;
        if (name == "label") {
          out += label;
          replaced = true;
        } else {
          for (const auto& [n, v] : args) {
            if (n == name) {
              out += v;
              replaced = true;
              break;
            }
          }
        }
        if (replaced) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::string quote_ja(const std::string& text) { return "「" + text + "」"; }
std::string quote_en(const std::string& text) { return "\u201c" + text + "\u201d"; }

}  // namespace

LocalizedText render_message(std::string_view code, const LocalizedText& label,
                             const std::vector<MessageArg>& args) {
  const Template& t = find_template(code);
  std::vector<std::pair<std::string_view, std::string_view>> ja, en, easy;
  for (const auto& arg : args) {
    ja.emplace_back(arg.name, arg.value.ja);
    en.emplace_back(arg.name, arg.value.en);
    easy.emplace_back(arg.name, arg.value.easy);
  }
  return LocalizedText{fill(t.ja, quote_ja(label.ja), ja), fill(t.en, quote_en(label.en), en),
                       fill(t.easy, quote_ja(label.easy), easy)};
}

LocalizedText wrap_message(const LocalizedText& label, const std::string& ja,
                           const std::string& en, const std::string& easy) {
  return LocalizedText{quote_ja(label.ja) + ": " + ja, quote_en(label.en) + ": " + en,
                       quote_ja(label.easy) + ": " + easy};
}

nlohmann::json message_templates_json() {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& t : kTemplates) {
    out[std::string(t.code)] = {{"ja", t.ja}, {"en", t.en}, {"easy", t.easy}};
  }
  return out;
}

}  // namespace madoguchi::forms
