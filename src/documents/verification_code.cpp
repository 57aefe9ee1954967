#include "documents/verification_code.h"

#include <array>

#include <sodium.h>

#include "documents/error.h"
#include "documents/signing/encoding.h"

namespace madoguchi::documents {

std::string new_document_id() {
  if (sodium_init() < 0) {
    throw DocumentError(DocumentErrc::key_error, "", "乱数を用意できません", "libsodium could not be initialised");
  }
  std::array<unsigned char, 10> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return signing::crockford_encode(bytes);
}

bool is_document_id(std::string_view text) {
  const auto normalised = signing::crockford_normalise(text);
  return normalised && normalised->size() == code_part_length && *normalised == text;
}

std::optional<VerificationCode> parse_verification_code(std::string_view text) {
  if (text.size() != 2 * code_part_length + 1 || text[code_part_length] != '.') return std::nullopt;
  auto id = signing::crockford_normalise(text.substr(0, code_part_length));
  auto tag = signing::crockford_normalise(text.substr(code_part_length + 1));
  if (!id || !tag) return std::nullopt;
  return VerificationCode{std::move(*id), std::move(*tag)};
}

std::string verification_url(std::string_view base_url, std::string_view code) {
  if (!parse_verification_code(code)) {
    throw DocumentError(DocumentErrc::invalid_input, "code", "確認コードの形式が正しくありません",
                        "the verification code is malformed");
  }
  while (base_url.ends_with('/')) base_url.remove_suffix(1);
  const std::size_t scheme_end = base_url.find("://");
  const std::string_view scheme = scheme_end == std::string_view::npos ? "" : base_url.substr(0, scheme_end);
  bool valid = (scheme == "https" || scheme == "http") && base_url.size() > scheme_end + 3 &&
               base_url.size() <= 120;
  for (char c : base_url) valid = valid && c > 0x20 && c < 0x7F && c != '?' && c != '#';
  if (!valid) {
    throw DocumentError(DocumentErrc::invalid_input, "verify_base_url",
                        "確認ページのアドレスは http(s):// で始まり、? や # を含まない 120 文字以内の URL にしてください",
                        "the verification base URL must be an http(s) URL of at most 120 characters "
                        "without a query or fragment");
  }
  return std::string(base_url) + "/verify/" + std::string(code);
}

}  // namespace madoguchi::documents
