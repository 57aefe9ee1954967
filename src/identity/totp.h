// TOTP (RFC 6238) with HMAC-SHA-1, 30-second steps and 6 digits, as every
// authenticator app implements it, plus the base32 text (RFC 4648) and the
// otpauth:// URI those apps read. Pure: the caller supplies the time, the
// secret and the last step already used, so a code is accepted once only.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "identity/lockout.h"

namespace madoguchi::identity {

inline constexpr std::chrono::seconds kTotpPeriod{30};
inline constexpr int kTotpDigits = 6;
inline constexpr size_t kTotpSecretBytes = 20;  // 160 bits, as RFC 4226 recommends

// Upper-case base32 without padding.
std::string base32_encode(const std::vector<uint8_t>& data);
// Accepts upper or lower case and ignores spaces and padding; nothing for other characters.
std::optional<std::vector<uint8_t>> base32_decode(std::string_view text);

// HOTP (RFC 4226): the code for `counter`, `digits` long with leading zeros.
std::string hotp(const std::vector<uint8_t>& secret, uint64_t counter, int digits = kTotpDigits);
// The time step `t` falls in (Unix time / 30 s).
int64_t totp_step(TimePoint t);
// The same from Unix seconds, for times a TimePoint cannot hold (after 2262).
int64_t totp_step_from_unix(int64_t unix_seconds);
std::string totp_at(const std::vector<uint8_t>& secret, int64_t step, int digits = kTotpDigits);

// The step whose code matches `code` among now's step and one either side,
// skipping steps at or before `last_used_step`; nothing if none matches.
// Spaces and full-width digits in `code` are tolerated (typed on a phone IME).
std::optional<int64_t> verify_totp(const std::vector<uint8_t>& secret, std::string_view code, TimePoint now,
                                   std::optional<int64_t> last_used_step);

// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30
std::string totp_uri(std::string_view issuer, std::string_view account, const std::vector<uint8_t>& secret);

}  // namespace madoguchi::identity
