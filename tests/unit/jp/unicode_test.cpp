#include "jp/unicode.h"

#include <gtest/gtest.h>

#include "jp/parsed.h"

namespace madoguchi::jp {
namespace {

TEST(Unicode, DecodesAndEncodes) {
  const auto decoded = decode_utf8("a髙𠮷", 100).value();
  ASSERT_EQ(decoded.size(), 3u);
  EXPECT_EQ(decoded[1], U'髙');
  EXPECT_EQ(decoded[2], U'𠮷');
  EXPECT_EQ(encode_utf8(decoded), "a髙𠮷");
}

TEST(Unicode, RejectsMalformedSequencesWithTheirPosition) {
  EXPECT_EQ(decode_utf8("ab\x80", 100).error().code, "invalid_utf8");
  EXPECT_NE(decode_utf8("ab\x80", 100).error().message_en.find("byte 3"), std::string::npos);
  EXPECT_EQ(decode_utf8("\xc0\xaf", 100).error().code, "invalid_utf8");          // overlong '/'
  EXPECT_EQ(decode_utf8("\xe0\x80\xaf", 100).error().code, "invalid_utf8");      // overlong
  EXPECT_EQ(decode_utf8("\xf4\x90\x80\x80", 100).error().code, "invalid_utf8");  // > U+10FFFF
  EXPECT_EQ(decode_utf8("\xe3\x81", 100).error().code, "invalid_utf8");          // truncated
  EXPECT_EQ(decode_utf8("\xed\xa0\x80", 100).error().code, "surrogate_code_point");
  EXPECT_NE(decode_utf8("\xed\xa0\x80", 100).error().message_en.find("U+D800"), std::string::npos);
  EXPECT_EQ(decode_utf8("12345", 4).error().code, "too_long");
}

TEST(Unicode, ValidatesCountsAndWalksText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("髙橋 𠮷野"));
  EXPECT_FALSE(is_valid_utf8("ab\x80"));
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xe3\x81"));          // truncated
  EXPECT_EQ(count_code_points("a髙𠮷"), 3u);
  EXPECT_EQ(utf8_sequence_length('a'), 1u);
  EXPECT_EQ(utf8_sequence_length(0xE9), 3u);
  EXPECT_EQ(utf8_sequence_length(0xF0), 4u);
  EXPECT_EQ(utf8_sequence_length(0x80), 1u);  // a stray continuation byte

  const std::string text = "a𠮷\x80";
  std::size_t at = 0;
  EXPECT_EQ(decode_at(text, at), U'a');
  EXPECT_EQ(decode_at(text, at), U'𠮷');
  EXPECT_EQ(at, 5u);
  EXPECT_EQ(decode_at(text, at), std::nullopt);
  EXPECT_EQ(at, 5u);  // unchanged on a malformed byte
}

TEST(Unicode, Describe) {
  EXPECT_EQ(describe_character(U'山'), "「山」(U+5C71)");
  EXPECT_EQ(describe_character(0x0301), "U+0301");
  EXPECT_EQ(code_point_label(0x20BB7), "U+20BB7");
}

TEST(Parsed, HoldsValueOrError) {
  Parsed<int> good = 5;
  EXPECT_TRUE(good.ok());
  EXPECT_EQ(good.value(), 5);
  Parsed<int> bad = make_error("x_y", "日本語", "English");
  EXPECT_FALSE(bad);
  EXPECT_EQ(bad.error().code, "x_y");
  EXPECT_EQ(bad.error().message_ja, "日本語");
  EXPECT_EQ(bad.value_or(7), 7);
  EXPECT_DEATH((void)bad.value(), "");
}

}  // namespace
}  // namespace madoguchi::jp
