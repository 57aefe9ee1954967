#include "jp/address.h"

#include <gtest/gtest.h>

namespace madoguchi::jp {
namespace {

std::string normal(std::string_view text) {
  auto parsed = normalize_address(text);
  return parsed.ok() ? parsed.value() : "error:" + parsed.error().code;
}

TEST(Address, BlockNumbersInEveryNotationCompareEqual) {
  EXPECT_EQ(normal("国分町三丁目7番1号"), "国分町3-7-1");
  EXPECT_EQ(normal("国分町3-7-1"), "国分町3-7-1");
  EXPECT_EQ(normal("国分町３－７－１"), "国分町3-7-1");
  EXPECT_EQ(normal("国分町3ー7ー1"), "国分町3-7-1");
  EXPECT_EQ(normal("国分町3‐7‐1"), "国分町3-7-1");
  EXPECT_EQ(normal("国分町3−7−1"), "国分町3-7-1");
  EXPECT_EQ(normal("国分町 3丁目 7-1"), "国分町3-7-1");
  EXPECT_EQ(normal("国分町三丁目七番地の一"), "国分町3-7-1");
  EXPECT_EQ(normal("国分町3丁目7番地1"), "国分町3-7-1");
  EXPECT_EQ(normal("国分町3の7の1"), "国分町3-7-1");
  EXPECT_TRUE(same_address("宮城県仙台市青葉区国分町三丁目7番1号", "宮城県仙台市青葉区国分町３－７－１"));
  EXPECT_FALSE(same_address("国分町3-7-1", "国分町3-7-2"));
  EXPECT_EQ(normal("本町二十三番地"), "本町23");
  EXPECT_EQ(normal("大字千二百三十四番地"), "大字1234");
}

TEST(Address, PlaceNamesKeepTheirNumerals) {
  EXPECT_EQ(normal("仙台市青葉区一番町四丁目1-1"), "仙台市青葉区一番町4-1-1");
  EXPECT_EQ(normal("北一番丁12番地の3"), "北一番丁12-3");
  EXPECT_EQ(normal("中央区八丁堀二丁目"), "中央区八丁堀2");
  EXPECT_EQ(normal("千代田区千代田1-1"), "千代田区千代田1-1");
  EXPECT_EQ(normal("十日町市"), "十日町市");
  EXPECT_EQ(normal("三軒茶屋"), "三軒茶屋");
  EXPECT_EQ(normal("センタービル 5F"), "センタービル5F");
  EXPECT_EQ(normal("霞ヶ関1-1"), "霞ケ関1-1");
  EXPECT_EQ(normal("ﾋﾙｽﾞ101号室"), "ヒルズ101室");
}

// Inputs the fuzzer found where a second normalisation changed the result.
TEST(Address, NormalFormIsAFixedPoint) {
  for (const char* text : {"中央区叫丁堀二丁-目", "\t\tﾟﾜ\t\tﾞﾞ\t)2\t)2", "ﾜ ﾞ", "三丁目七番地の一 号", "ﾐﾛﾏﾀ---ﾞ ﾀﾛ", "ぎヶ゛ね"}) {
    SCOPED_TRACE(text);
    const std::string once = normal(text);
    EXPECT_EQ(normal(once), once);
  }
  EXPECT_EQ(normal("中央区二丁-目"), "中央区2");
  EXPECT_EQ(normal("ﾜ ﾞ"), "ヷ");
  EXPECT_EQ(normal("ﾏﾀ--ﾞ"), "マダ");
}

TEST(Address, RejectsBadInput) {
  EXPECT_EQ(normal(""), "error:empty");
  EXPECT_EQ(normal(" \u3000"), "error:empty");
  EXPECT_EQ(normal(std::string(10 * 1024 * 1024, 'a')), "error:too_long");
  EXPECT_EQ(normal("国分町\xff"), "error:invalid_utf8");
  EXPECT_EQ(normal("\xed\xbf\xbf"), "error:surrogate_code_point");
  auto combining = normalize_address("国分町e\xcc\x81");
  ASSERT_FALSE(combining.ok());
  EXPECT_EQ(combining.error().code, "invalid_character");
  EXPECT_NE(combining.error().message_ja.find("5文字目"), std::string::npos);
  EXPECT_EQ(normal("国分町\n3"), "error:invalid_character");
  EXPECT_EQ(normal("か\u3099"), "が");
}

}  // namespace
}  // namespace madoguchi::jp
