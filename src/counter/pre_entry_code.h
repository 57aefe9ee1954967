// Pre-entry codes (事前入力コード): what the citizen's QR code holds and what is
// printed under it for a clerk to type, e.g. "MDQ-G4KX-29R7-TM3H-VQP6-AW18".
// Twenty Crockford base32 symbols: one for the format version and the key id,
// eleven random (55 bits: the reference the server stores, single-use and
// expiring), seven of MAC (35 bits of HMAC-SHA-512/256 under the installation's
// key over everything before it) and a Damm check symbol, so a mistyped
// character is caught before anything is looked up. No personal data.
// Parsing forgives case, width, hyphens, spaces and the letters O/I/L.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::counter {

inline constexpr std::string_view kPreEntryPrefix = "MDQ";

struct PreEntryCode {
  std::string text;    // canonical: "MDQ-XXXX-XXXX-XXXX-XXXX-XXXX"
  std::string serial;  // the eleven random symbols: the stored reference
};

enum class CodeProblem {
  malformed,           // not a pre-entry code, or mistyped (the check symbol fails)
  other_installation,  // made under another key: another city's system, or a retired key
  forged,              // our key id, but the MAC does not match
};

struct CodeCheck {
  std::optional<PreEntryCode> code;
  CodeProblem problem = CodeProblem::malformed;
  bool ok() const { return code.has_value(); }
};

// The key id (0..7) written into codes made with `key`.
int pre_entry_key_id(const std::vector<uint8_t>& key);

// A code for 55 random bits (the low 55 bits of `random`) under `key`.
PreEntryCode make_pre_entry_code(const std::vector<uint8_t>& key, uint64_t random);

// Checks the form, the check symbol, the key id and the MAC, in that order.
CodeCheck check_pre_entry_code(std::string_view text, const std::vector<uint8_t>& key);

}  // namespace madoguchi::counter
