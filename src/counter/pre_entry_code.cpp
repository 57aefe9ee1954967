#include "counter/pre_entry_code.h"

#include <array>
#include <cctype>

#include "applications/crockford.h"
#include "platform/crypto.h"

namespace madoguchi::counter {

namespace crockford = applications::crockford;

namespace {

constexpr int kVersion = 1;
constexpr size_t kSymbols = 20;
constexpr size_t kSerialFirst = 1, kSerialSymbols = 11;
constexpr size_t kMacFirst = 12, kMacSymbols = 7;

using Symbols = std::array<uint8_t, kSymbols>;

std::string text_of(const uint8_t* symbols, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out.push_back(crockford::kAlphabet[symbols[i]]);
  return out;
}

// The 35-bit MAC over the version/key symbol and the serial, as seven symbols.
void mac_symbols(const std::vector<uint8_t>& key, const Symbols& s, uint8_t* out) {
  std::string tag = platform::crypto::mac(key, "madoguchi-pre-entry:" + text_of(s.data(), kMacFirst));
  std::vector<uint8_t> bytes;
  platform::crypto::from_base64url(tag, bytes);
  uint64_t bits = 0;
  for (size_t i = 0; i < 5; ++i) bits = (bits << 8) | bytes[i];  // 40 bits, of which 35 are used
  for (size_t i = 0; i < kMacSymbols; ++i) out[i] = static_cast<uint8_t>((bits >> (5 * (7 - i))) & 31);
}

PreEntryCode finished(const Symbols& s) {
  std::string text(kPreEntryPrefix);
  for (size_t i = 0; i < kSymbols; ++i) {
    if (i % 4 == 0) text.push_back('-');
    text.push_back(crockford::kAlphabet[s[i]]);
  }
  return {text, text_of(s.data() + kSerialFirst, kSerialSymbols)};
}

}  // namespace

int pre_entry_key_id(const std::vector<uint8_t>& key) {
  auto digest = platform::crypto::sha256(std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
  return digest[0] & 7;
}

PreEntryCode make_pre_entry_code(const std::vector<uint8_t>& key, uint64_t random) {
  Symbols s{};
  s[0] = static_cast<uint8_t>((kVersion << 3) | pre_entry_key_id(key));
  for (size_t i = 0; i < kSerialSymbols; ++i) {
    s[kSerialFirst + i] = static_cast<uint8_t>((random >> (5 * (kSerialSymbols - 1 - i))) & 31);
  }
  mac_symbols(key, s, s.data() + kMacFirst);
  s[kSymbols - 1] = crockford::check_symbol(s.data(), kSymbols - 1);
  return finished(s);
}

CodeCheck check_pre_entry_code(std::string_view text, const std::vector<uint8_t>& key) {
  CodeCheck out;
  auto compact = crockford::compact_ascii(text);
  if (!compact || compact->size() > 64) return out;
  if (compact->size() == kSymbols + kPreEntryPrefix.size()) {
    std::string head = compact->substr(0, kPreEntryPrefix.size());
    for (auto& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (head != kPreEntryPrefix) return out;
    compact->erase(0, kPreEntryPrefix.size());
  }
  if (compact->size() != kSymbols) return out;
  Symbols s{};
  for (size_t i = 0; i < kSymbols; ++i) {
    int v = crockford::symbol_of((*compact)[i]);
    if (v < 0) return out;
    s[i] = static_cast<uint8_t>(v);
  }
  if (!crockford::check_ok(s.data(), kSymbols) || (s[0] >> 3) != kVersion) return out;
  if ((s[0] & 7) != pre_entry_key_id(key)) {
    out.problem = CodeProblem::other_installation;
    return out;
  }
  uint8_t expected[kMacSymbols];
  mac_symbols(key, s, expected);
  if (!platform::crypto::constant_time_equal(text_of(expected, kMacSymbols), text_of(s.data() + kMacFirst, kMacSymbols))) {
    out.problem = CodeProblem::forged;
    return out;
  }
  out.code = finished(s);
  return out;
}

}  // namespace madoguchi::counter
