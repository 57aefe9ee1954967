// Password policy, pure: staff passwords need at least 12 characters, citizen
// passwords at least 10, neither more than 128 (counted in Unicode characters);
// a password may not be the account's own login or e-mail address (or its
// local part), nor one of a short list of common passwords, nor one character
// repeated. Problems come back as stable codes; the pages and the command line
// word them from the identity message catalogue (identity.password.CODE).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::identity {

enum class AccountKind { staff, citizen };

inline constexpr size_t kStaffPasswordMinimum = 12;
inline constexpr size_t kCitizenPasswordMinimum = 10;
inline constexpr size_t kPasswordMaximum = 128;

size_t minimum_password_length(AccountKind kind);

struct PasswordProblem {
  // "invalid_characters" (not UTF-8, or control characters), "too_short",
  // "too_long", "same_as_identifier", "too_common".
  std::string code;
  size_t limit = 0;  // the length bound for too_short / too_long
  friend bool operator==(const PasswordProblem&, const PasswordProblem&) = default;
};

// The first problem with `password`, or nothing when it is acceptable.
// `identifiers` are what the account is known by (login, e-mail).
std::optional<PasswordProblem> check_password(std::string_view password, AccountKind kind,
                                              const std::vector<std::string>& identifiers);

}  // namespace madoguchi::identity
