#include "identity/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

#include "platform/crypto.h"
#include "platform/http/url.h"

namespace madoguchi::identity {

namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// ASCII digits only, with spaces dropped and full-width digits (U+FF10–FF19) folded.
std::optional<std::string> normalise_code(std::string_view code) {
  std::string out;
  for (size_t i = 0; i < code.size();) {
    unsigned char c = static_cast<unsigned char>(code[i]);
    if (c == ' ') {
      ++i;
    } else if (c >= '0' && c <= '9') {
      out.push_back(static_cast<char>(c));
      ++i;
    } else if (c == 0xEF && i + 2 < code.size() && static_cast<unsigned char>(code[i + 1]) == 0xBC &&
               static_cast<unsigned char>(code[i + 2]) >= 0x90 && static_cast<unsigned char>(code[i + 2]) <= 0x99) {
      out.push_back(static_cast<char>('0' + (static_cast<unsigned char>(code[i + 2]) - 0x90)));
      i += 3;
    } else if (c == 0xE3 && i + 2 < code.size() && static_cast<unsigned char>(code[i + 1]) == 0x80 &&
               static_cast<unsigned char>(code[i + 2]) == 0x80) {
      i += 3;  // U+3000 ideographic space
    } else {
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace

std::string base32_encode(const std::vector<uint8_t>& data) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (uint8_t byte : data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kBase32Alphabet[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 31]);
  return out;
}

std::optional<std::vector<uint8_t>> base32_decode(std::string_view text) {
  std::vector<uint8_t> out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char raw : text) {
    if (raw == ' ' || raw == '=') continue;
    char c = (raw >= 'a' && raw <= 'z') ? static_cast<char>(raw - 32) : raw;
    auto index = kBase32Alphabet.find(c);
    if (index == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<uint32_t>(index);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<uint8_t>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

std::string hotp(const std::vector<uint8_t>& secret, uint64_t counter, int digits) {
  if (digits < 6 || digits > 9) throw std::invalid_argument("HOTP codes have 6 to 9 digits");
  unsigned char message[8];
  for (int i = 7; i >= 0; --i) {
    message[i] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), message, sizeof message, digest, &length) ==
          nullptr ||
      length != 20) {
    throw std::runtime_error("HMAC-SHA-1 failed");
  }
  int offset = digest[19] & 0x0F;
  uint32_t binary = (static_cast<uint32_t>(digest[offset] & 0x7F) << 24) |
                    (static_cast<uint32_t>(digest[offset + 1]) << 16) | (static_cast<uint32_t>(digest[offset + 2]) << 8) |
                    static_cast<uint32_t>(digest[offset + 3]);
  uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<size_t>(digits) - code.size(), '0') + code;
}

int64_t totp_step(TimePoint t) {
  return totp_step_from_unix(std::chrono::floor<std::chrono::seconds>(t.time_since_epoch()).count());
}

int64_t totp_step_from_unix(int64_t unix_seconds) {
  const int64_t period = kTotpPeriod.count();
  return unix_seconds >= 0 ? unix_seconds / period : -((-unix_seconds + period - 1) / period);
}

std::string totp_at(const std::vector<uint8_t>& secret, int64_t step, int digits) {
  return hotp(secret, static_cast<uint64_t>(step), digits);
}

std::optional<int64_t> verify_totp(const std::vector<uint8_t>& secret, std::string_view code, TimePoint now,
                                   std::optional<int64_t> last_used_step) {
  auto digits = normalise_code(code);
  if (!digits || digits->size() != static_cast<size_t>(kTotpDigits)) return std::nullopt;
  int64_t current = totp_step(now);
  for (int64_t step : {current - 1, current, current + 1}) {
    if (step < 0 || (last_used_step && step <= *last_used_step)) continue;
    if (platform::crypto::constant_time_equal(totp_at(secret, step), *digits)) return step;
  }
  return std::nullopt;
}

std::string totp_uri(std::string_view issuer, std::string_view account, const std::vector<uint8_t>& secret) {
  using platform::http::percent_encode;
  return "otpauth://totp/" + percent_encode(issuer) + ":" + percent_encode(account) + "?secret=" +
         base32_encode(secret) + "&issuer=" + percent_encode(issuer) + "&algorithm=SHA1&digits=" +
         std::to_string(kTotpDigits) + "&period=" + std::to_string(kTotpPeriod.count());
}

}  // namespace madoguchi::identity
