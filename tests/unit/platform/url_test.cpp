#include "platform/http/url.h"

#include <gtest/gtest.h>

using namespace madoguchi::platform::http;

TEST(Url, DecodesPercentEscapesAndPlus) {
  EXPECT_EQ(percent_decode("%E4%BD%8F%E6%B0%91%E7%A5%A8"), "住民票");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("a+b", false), "a+b");
}

TEST(Url, KeepsMalformedEscapesLiterally) {
  EXPECT_EQ(percent_decode("100%"), "100%");
  EXPECT_EQ(percent_decode("%zz%4"), "%zz%4");
  EXPECT_EQ(percent_decode("%4"), "%4");
}

TEST(Url, EncodeRoundTrips) {
  std::string s = "住民票 a&b=c/d";
  EXPECT_EQ(percent_decode(percent_encode(s)), s);
  EXPECT_EQ(percent_encode("a-b_c.d~"), "a-b_c.d~");
}

TEST(Url, ParsesFormFieldsInOrderWithRepeats) {
  auto f = parse_urlencoded("a=1&b=%E3%81%82&a=2&&flag&c=x+y");
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0], (std::pair<std::string, std::string>{"a", "1"}));
  EXPECT_EQ(f[1].second, "あ");
  EXPECT_EQ(f[2], (std::pair<std::string, std::string>{"a", "2"}));
  EXPECT_EQ(f[3], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ(f[4].second, "x y");
}
