#include "identity/password_policy.h"

#include <algorithm>
#include <array>

#include "jp/unicode.h"

namespace madoguchi::identity {

namespace {

// Passwords that lead every published list of leaked passwords, at the
// lengths our minimums allow, plus the obvious local ones.
constexpr std::array<std::string_view, 40> kCommon = {
    "1234567890",     "12345678901",   "123456789012",   "1234567890123",  "0123456789",
    "9876543210",     "1q2w3e4r5t",    "1q2w3e4r5t6y",   "qwertyuiop",     "qwertyuiop12",
    "qwerty123456",   "asdfghjkl;",    "password12",     "password123",    "password1234",
    "passw0rd123",    "password!@#",   "p@ssw0rd123",    "iloveyou12",     "iloveyou123",
    "abcdefghij",     "abcdefghijkl",  "abc123456789",   "a1b2c3d4e5",     "a1b2c3d4e5f6",
    "zaq12wsxcde3",   "1qaz2wsx3edc",  "letmein1234",    "welcome1234",    "admin12345",
    "administrator",  "changeme123",   "sendai12345",    "sendaicity",     "sendai-city",
    "madoguchi123",   "madoguchi2025", "madoguchi2026",  "sendai2025!",    "sendai2026!",
};

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return out;
}

}  // namespace

size_t minimum_password_length(AccountKind kind) {
  return kind == AccountKind::staff ? kStaffPasswordMinimum : kCitizenPasswordMinimum;
}

std::optional<PasswordProblem> check_password(std::string_view password, AccountKind kind,
                                              const std::vector<std::string>& identifiers) {
  // Four bytes per character at most: anything longer is too long whatever it holds.
  if (password.size() > kPasswordMaximum * 4) return PasswordProblem{"too_long", kPasswordMaximum};
  auto decoded = jp::decode_utf8(password, kPasswordMaximum * 4);
  if (!decoded) return PasswordProblem{"invalid_characters", 0};
  const std::u32string& characters = decoded.value();
  for (char32_t c : characters) {
    if (c < 0x20 || c == 0x7F) return PasswordProblem{"invalid_characters", 0};
  }
  size_t minimum = minimum_password_length(kind);
  if (characters.size() < minimum) return PasswordProblem{"too_short", minimum};
  if (characters.size() > kPasswordMaximum) return PasswordProblem{"too_long", kPasswordMaximum};

  std::string lower = ascii_lower(password);
  for (const auto& identifier : identifiers) {
    if (identifier.empty()) continue;
    std::string id = ascii_lower(identifier);
    std::string local = id.substr(0, id.find('@'));
    if (lower == id || (!local.empty() && lower == local)) return PasswordProblem{"same_as_identifier", 0};
  }
  if (std::find(kCommon.begin(), kCommon.end(), lower) != kCommon.end()) return PasswordProblem{"too_common", 0};
  bool one_character = std::all_of(characters.begin(), characters.end(), [&](char32_t c) { return c == characters[0]; });
  if (one_character) return PasswordProblem{"too_common", 0};
  return std::nullopt;
}

}  // namespace madoguchi::identity
