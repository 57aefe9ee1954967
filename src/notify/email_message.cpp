#include "notify/email_message.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "jp/unicode.h"
#include "notify/address.h"

namespace madoguchi::notify {

namespace {

bool has_line_break(std::string_view text) { return text.find_first_of("\r\n") != std::string_view::npos; }

bool has_control(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F;
  });
}

bool has_nul(std::string_view text) { return text.find('\0') != std::string_view::npos; }

bool is_token(std::string_view text, size_t max, bool (*allowed)(char)) {
  return !text.empty() && text.size() <= max && std::all_of(text.begin(), text.end(), allowed);
}

void check_body(const char* field, std::string_view body, const char* name_ja, const char* name_en) {
  if (body.empty()) {
    throw InvalidEmail(field, std::string(name_ja) + "が空です。", std::string("The ") + name_en + " is empty.");
  }
  if (body.size() > max_body_bytes) {
    throw InvalidEmail(field, std::string(name_ja) + "が長すぎます（1 MiB まで）。",
                       std::string("The ") + name_en + " is too long (at most 1 MiB).");
  }
  if (!jp::is_valid_utf8(body) || has_nul(body)) {
    throw InvalidEmail(field, std::string(name_ja) + "が正しい UTF-8 の文字列ではありません。",
                       std::string("The ") + name_en + " is not well-formed UTF-8 text.");
  }
}

}  // namespace

InvalidEmail::InvalidEmail(std::string field, std::string message_ja, std::string message_en)
    : std::invalid_argument(field + ": " + message_ja + " / " + message_en),
      field_(std::move(field)),
      message_ja_(std::move(message_ja)),
      message_en_(std::move(message_en)) {}

void validate(const EmailMessage& message) {
  if (has_line_break(message.to)) {
    throw InvalidEmail("to", "宛先のメールアドレスに改行を含めることはできません（ヘッダー注入の防止）。",
                       "The recipient address must not contain line breaks (header injection).");
  }
  if (!is_plausible_address(message.to)) {
    throw InvalidEmail("to", "宛先のメールアドレスの形式が正しくありません（例: name@example.jp）。",
                       "The recipient address is not a valid e-mail address (e.g. name@example.jp).");
  }

  if (has_line_break(message.subject)) {
    throw InvalidEmail("subject", "件名に改行を含めることはできません（ヘッダー注入の防止）。",
                       "The subject must not contain line breaks (header injection).");
  }
  if (message.subject.empty()) throw InvalidEmail("subject", "件名が空です。", "The subject is empty.");
  if (!jp::is_valid_utf8(message.subject) || has_control(message.subject)) {
    throw InvalidEmail("subject", "件名に使えない文字が含まれています（制御文字または不正な UTF-8）。",
                       "The subject contains control characters or malformed UTF-8.");
  }
  if (jp::count_code_points(message.subject) > max_subject_characters) {
    throw InvalidEmail("subject", "件名が長すぎます（200 文字まで）。",
                       "The subject is too long (at most 200 characters).");
  }

  check_body("text_body", message.text_body, "本文", "text body");
  if (message.html_body) check_body("html_body", *message.html_body, "HTML 本文", "HTML body");

  if (!is_token(message.category, 32,
                [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; })) {
    throw InvalidEmail("category", "種別は英小文字・数字・_ の 1〜32 文字で指定してください（例: receipt）。",
                       "The category must be 1-32 characters of a-z, 0-9 and _ (e.g. receipt).");
  }
  if (message.reference && !is_token(*message.reference, 64, [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      })) {
    throw InvalidEmail("reference", "受付番号は英数字と - の 1〜64 文字で指定してください。",
                       "The reference must be 1-64 characters of letters, digits and -.");
  }
}

}  // namespace madoguchi::notify
