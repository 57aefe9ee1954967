// Status codes: 16 Crockford base32 characters from 80 random bits, read back
// whatever the case, width, grouping or confusable letters.
#include "applications/status_code.h"

#include <gtest/gtest.h>

#include <set>

#include "platform/crypto.h"

namespace madoguchi::applications {
namespace {

TEST(StatusCode, SixteenCharactersInGroupsOfFourFromAllTheBits) {
  std::vector<uint8_t> zeros(10, 0), ones(10, 0xFF);
  EXPECT_EQ(make_status_code(zeros), "0000-0000-0000-0000");
  EXPECT_EQ(make_status_code(ones), "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
  platform::crypto::init();
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) seen.insert(make_status_code(platform::crypto::random_bytes(10)));
  EXPECT_EQ(seen.size(), 200u);
}

TEST(StatusCode, ParsingForgivesHowPeopleTypeIt) {
  EXPECT_EQ(parse_status_code("7K3Q-9XPD-M2TA-4BCE"), "7K3Q-9XPD-M2TA-4BCE");
  EXPECT_EQ(parse_status_code("7k3q 9xpd m2ta 4bce"), "7K3Q-9XPD-M2TA-4BCE");
  EXPECT_EQ(parse_status_code("７Ｋ３Ｑ９ＸＰＤＭ２ＴＡ４ＢＣＥ"), "7K3Q-9XPD-M2TA-4BCE");
  EXPECT_EQ(parse_status_code("OIL0-0000-0000-0000"), "0110-0000-0000-0000");
  EXPECT_EQ(parse_status_code("7K3Q-9XPD-M2TA"), std::nullopt);
  EXPECT_EQ(parse_status_code("7K3Q-9XPD-M2TA-4BCE-1"), std::nullopt);
  EXPECT_EQ(parse_status_code("7K3Q-9XPD-M2TA-4BC!"), std::nullopt);
  EXPECT_EQ(parse_status_code(""), std::nullopt);
  EXPECT_EQ(parse_status_code(std::string(200, 'A')), std::nullopt);
}

}  // namespace
}  // namespace madoguchi::applications
