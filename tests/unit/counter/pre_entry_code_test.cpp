// Pre-entry codes: made and read back in every way people and scanners type
// them; a mistyped character is caught by the check symbol, another key's
// code is named as such, and a changed MAC is refused as forged.
#include <gtest/gtest.h>

#include "counter/pre_entry_code.h"
#include "platform/crypto.h"

namespace madoguchi::counter {
namespace {

std::vector<uint8_t> key_with_id(int id) {
  for (uint8_t seed = 0;; ++seed) {
    std::vector<uint8_t> key(32, seed);
    if (pre_entry_key_id(key) == id) return key;
  }
}

TEST(PreEntryCode, RoundTripsInItsCanonicalForm) {
  auto key = key_with_id(3);
  auto code = make_pre_entry_code(key, 0x12345678ABCDEull);
  EXPECT_EQ(code.text.size(), 3u + 5 * 5);
  EXPECT_EQ(code.text.substr(0, 4), "MDQ-");
  EXPECT_EQ(code.serial.size(), 11u);
  auto checked = check_pre_entry_code(code.text, key);
  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(checked.code->text, code.text);
  EXPECT_EQ(checked.code->serial, code.serial);
}

TEST(PreEntryCode, ForgivesCaseWidthHyphensAndSpaces) {
  auto key = key_with_id(1);
  auto code = make_pre_entry_code(key, 987654321);
  std::string plain;
  for (char c : code.text) {
    if (c != '-') plain.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  EXPECT_TRUE(check_pre_entry_code(plain, key).ok());
  EXPECT_TRUE(check_pre_entry_code(plain.substr(3), key).ok()) << "without the MDQ prefix";
  std::string spaced;
  for (char c : code.text) spaced += c == '-' ? std::string("\u3000") : std::string(1, c);
  EXPECT_TRUE(check_pre_entry_code(spaced, key).ok());
  EXPECT_TRUE(check_pre_entry_code(code.text + "\r\n", key).ok()) << "a USB scanner ends with Enter";
  std::string full_width;
  for (char c : code.text) {
    if (c == '-') {
      full_width += "－";
    } else {
      full_width += "\xEF";
      unsigned cp = 0xFF01 + static_cast<unsigned>(c - 0x21);
      full_width += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      full_width += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  EXPECT_TRUE(check_pre_entry_code(full_width, key).ok()) << full_width;
}

TEST(PreEntryCode, CatchesEveryMistypedCharacter) {
  auto key = key_with_id(2);
  auto code = make_pre_entry_code(key, 42);
  const std::string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  for (size_t i = 4; i < code.text.size(); ++i) {
    if (code.text[i] == '-') continue;
    for (char c : alphabet) {
      if (c == code.text[i]) continue;
      std::string typo = code.text;
      typo[i] = c;
      auto checked = check_pre_entry_code(typo, key);
      EXPECT_FALSE(checked.ok());
      EXPECT_EQ(checked.problem, CodeProblem::malformed) << typo;
    }
  }
}

TEST(PreEntryCode, NamesAnotherInstallationsCodeAndRefusesForgedOnes) {
  auto ours = key_with_id(5);
  auto theirs = key_with_id(6);
  auto code = make_pre_entry_code(theirs, 7);
  EXPECT_EQ(check_pre_entry_code(code.text, ours).problem, CodeProblem::other_installation);

  // Same key id, different key: the MAC does not match.
  std::vector<uint8_t> same_id;
  for (uint8_t seed = 100;; ++seed) {
    std::vector<uint8_t> k(32, seed);
    if (pre_entry_key_id(k) == 5 && k != ours) {
      same_id = k;
      break;
    }
  }
  auto forged = make_pre_entry_code(same_id, 7);
  EXPECT_EQ(check_pre_entry_code(forged.text, ours).problem, CodeProblem::forged);
}

TEST(PreEntryCode, RefusesWhatIsNotACode) {
  auto key = key_with_id(0);
  for (const char* text : {"", "MDG-7K3Q-9XPD", "hello", "MDQ-", "髙橋", "MDX-0000-0000-0000-0000-0000"}) {
    EXPECT_EQ(check_pre_entry_code(text, key).problem, CodeProblem::malformed) << text;
  }
}

}  // namespace
}  // namespace madoguchi::counter
