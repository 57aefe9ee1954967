#include "identity/password_policy.h"

#include <gtest/gtest.h>

using namespace madoguchi::identity;

namespace {
std::string problem(std::string_view password, AccountKind kind, std::vector<std::string> ids = {}) {
  auto p = check_password(password, kind, ids);
  return p ? p->code : "ok";
}
}  // namespace

TEST(PasswordPolicy, StaffNeedTwelveCharactersAndCitizensTen) {
  EXPECT_EQ(problem("abcdefghiJ1", AccountKind::staff), "too_short");
  EXPECT_EQ(check_password("abcdefghiJ1", AccountKind::staff, {})->limit, 12u);
  EXPECT_EQ(problem("abcdefghiJ12", AccountKind::staff), "ok");
  EXPECT_EQ(problem("abcdefgh9", AccountKind::citizen), "too_short");
  EXPECT_EQ(check_password("abcdefgh9", AccountKind::citizen, {})->limit, 10u);
  EXPECT_EQ(problem("abcdefgh9X", AccountKind::citizen), "ok");
}

TEST(PasswordPolicy, LengthCountsCharactersNotBytes) {
  // Ten kanji are 30 bytes but ten characters: enough for a citizen, not for staff.
  EXPECT_EQ(problem("仙台市役所青葉区国分", AccountKind::citizen), "ok");
  EXPECT_EQ(problem("仙台市役所青葉区国分", AccountKind::staff), "too_short");
  std::string longest;
  for (int i = 0; i < 32; ++i) longest += "髙橋﨑子";
  EXPECT_EQ(problem(longest, AccountKind::staff), "ok");
  EXPECT_EQ(problem(longest + "a", AccountKind::staff), "too_long");
  EXPECT_EQ(check_password(longest + "a", AccountKind::staff, {})->limit, 128u);
}

TEST(PasswordPolicy, RefusesTheLoginOrEmailCaseInsensitively) {
  EXPECT_EQ(problem("Takahashi.Sakiko", AccountKind::staff, {"takahashi.sakiko"}), "same_as_identifier");
  EXPECT_EQ(problem("Taro.Yamada@Example.JP", AccountKind::citizen, {"taro.yamada@example.jp"}), "same_as_identifier");
  EXPECT_EQ(problem("taro.yamada", AccountKind::citizen, {"taro.yamada@example.jp"}), "same_as_identifier");
  EXPECT_EQ(problem("taro.yamada-2025", AccountKind::citizen, {"taro.yamada@example.jp"}), "ok");
}

TEST(PasswordPolicy, RefusesCommonAndRepeatedPasswords) {
  EXPECT_EQ(problem("Password1234", AccountKind::staff), "too_common");
  EXPECT_EQ(problem("1234567890", AccountKind::citizen), "too_common");
  EXPECT_EQ(problem("qwertyuiop", AccountKind::citizen), "too_common");
  EXPECT_EQ(problem("aaaaaaaaaaaa", AccountKind::staff), "too_common");
  EXPECT_EQ(problem("ああああああああああ", AccountKind::citizen), "too_common");
  EXPECT_EQ(problem("correct horse battery", AccountKind::staff), "ok");
}

TEST(PasswordPolicy, RefusesControlCharactersAndBrokenUtf8) {
  EXPECT_EQ(problem("abcdefghijkl\n", AccountKind::staff), "invalid_characters");
  EXPECT_EQ(problem(std::string("abcdefghijkl\0", 13), AccountKind::staff), "invalid_characters");
  EXPECT_EQ(problem("abcdefghijkl\xff", AccountKind::staff), "invalid_characters");
  EXPECT_EQ(problem("abc def ghi jkl", AccountKind::staff), "ok");
}
