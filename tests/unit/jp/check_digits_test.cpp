#include "jp/check_digits.h"

#include <gtest/gtest.h>

namespace madoguchi::jp {
namespace {

TEST(MyNumber, KnownValidNumber) {
  // 1..11 = 1 2 3 4 5 6 7 8 9 0 1: Σ P·Q = 212, 212 mod 11 = 3, check = 11 - 3 = 8.
  EXPECT_EQ(check_my_number("123456789018").value(), "123456789018");
  EXPECT_EQ(my_number_check_digit("12345678901"), 8);
  EXPECT_EQ(check_my_number("1234 5678 9018").value(), "123456789018");
  EXPECT_EQ(check_my_number("１２３４－５６７８－９０１８").value(), "123456789018");
  // Remainders 0 and 1 give check digit 0.
  EXPECT_EQ(my_number_check_digit("00000000000"), 0);
}

TEST(MyNumber, ErrorsSayWhatIsWrongWithoutRepeatingTheNumber) {
  auto wrong = check_my_number("123456789012");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "wrong_check_digit");
  EXPECT_EQ(wrong.error().message_ja.find("123456789012"), std::string::npos);
  EXPECT_EQ(wrong.error().message_en.find("123456789012"), std::string::npos);
  auto short_number = check_my_number("12345678901");
  EXPECT_EQ(short_number.error().code, "wrong_length");
  EXPECT_NE(short_number.error().message_ja.find("11桁"), std::string::npos);
  EXPECT_EQ(check_my_number("12345678901a").error().code, "invalid_character");
  EXPECT_EQ(check_my_number("").error().code, "empty");
  EXPECT_EQ(check_my_number(" - ").error().code, "empty");
  EXPECT_EQ(check_my_number(std::string(10 * 1024 * 1024, '1')).error().code, "too_long");
  EXPECT_EQ(check_my_number("1234\xff").error().code, "invalid_utf8");
}

TEST(CorporateNumber, PublishedNumbersValidate) {
  EXPECT_EQ(check_corporate_number("7000012050002").value(), "7000012050002");  // 国税庁
  EXPECT_EQ(check_corporate_number("8000020130001").value(), "8000020130001");  // 東京都
  EXPECT_EQ(check_corporate_number("1180301018771").value(), "1180301018771");  // トヨタ自動車
  EXPECT_EQ(check_corporate_number("7-0000-1205-0002").value(), "7000012050002");
  EXPECT_EQ(corporate_number_check_digit("000012050002"), 7);
}

TEST(CorporateNumber, Errors) {
  EXPECT_EQ(check_corporate_number("6000012050002").error().code, "wrong_check_digit");
  EXPECT_EQ(check_corporate_number("700001205000").error().code, "wrong_length");
  EXPECT_EQ(check_corporate_number("70000120500021").error().code, "wrong_length");
  EXPECT_EQ(check_corporate_number("7000O12050002").error().code, "invalid_character");
}

}  // namespace
}  // namespace madoguchi::jp
