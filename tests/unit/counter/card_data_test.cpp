// The card's records parsed: names kept byte for byte with characters outside
// JIS X 0208 flagged (髙, 𠮷), long-form lengths, a card without sex, and
// every malformed record refused with a clear error, never a crash.
#include <gtest/gtest.h>

#include "card_support.h"
#include "counter/card_data.h"

namespace madoguchi::counter {
namespace {

using testing::four_items;

TEST(CardData, ReadsTheFourItemsExactlyAndFlagsUncommonCharacters) {
  auto items = parse_four_items(four_items());
  EXPECT_EQ(items.name.text, "髙橋\u3000𠮷子");
  EXPECT_EQ(items.address.text, "宮城県仙台市青葉区国分町三丁目7番1号");
  EXPECT_EQ(items.birth_date, "1985-04-01");
  EXPECT_EQ(items.sex_code, 2);
  ASSERT_EQ(items.name.outside_jis_x_0208.size(), 2u);
  EXPECT_EQ(items.name.outside_jis_x_0208[0].character, "髙");
  EXPECT_EQ(items.name.outside_jis_x_0208[1].character, "𠮷");
  EXPECT_TRUE(items.address.outside_jis_x_0208.empty());
}

TEST(CardData, ReadsLongFormLengths) {
  std::string long_address(200, 'A');
  auto items = parse_four_items(four_items("佐藤\u3000花子", long_address, "20000229", "9", true));
  EXPECT_EQ(items.address.text, long_address);
  EXPECT_EQ(items.birth_date, "2000-02-29");
  EXPECT_EQ(items.sex_code, 9);
  size_t pos = 0;
  EXPECT_EQ(ber_length(std::string("\x81\xC8", 2), pos), 200u);
  pos = 0;
  EXPECT_EQ(ber_length(std::string("\x82\x01\x00", 3), pos), 256u);
  pos = 0;
  EXPECT_FALSE(ber_length(std::string("\x83\x00\x00\x01", 4), pos));
}

TEST(CardData, ACardWithoutSexIsRead) {
  using testing::tlv;
  std::string record = tlv("\xFF\x20", tlv("\xDF\x22", "山田\u3000太郎") + tlv("\xDF\x23", "仙台市") +
                                           tlv("\xDF\x24", "19700101") + tlv("\xDF\x26", "ヤマダ タロウ"));
  auto items = parse_four_items(record);
  EXPECT_EQ(items.sex_code, 0);
  EXPECT_EQ(items.name.text, "山田\u3000太郎");
}

TEST(CardData, RefusesMalformedRecordsByName) {
  using testing::tlv;
  auto code_of = [](const std::string& record) {
    try {
      parse_four_items(record);
    } catch (const CardDataError& e) {
      EXPECT_FALSE(e.message_ja().empty());
      EXPECT_FALSE(e.message_en().empty());
      return e.code();
    }
    return std::string("accepted");
  };
  std::string good = four_items();
  EXPECT_EQ(code_of(good.substr(0, good.size() - 5)), "truncated");
  EXPECT_EQ(code_of(""), "wrong_tag");
  EXPECT_EQ(code_of("\xFF\x21\x00"), "wrong_tag");
  EXPECT_EQ(code_of("\xFF\x20\x83\x00\x00\x00"), "bad_length");
  EXPECT_EQ(code_of(four_items("名前", "住所", "1985-4-1")), "bad_birth_date");
  EXPECT_EQ(code_of(four_items("名前", "住所", "19850231")), "bad_birth_date");
  EXPECT_EQ(code_of(four_items("名前", "住所", "19850401", "3")), "bad_sex");
  EXPECT_EQ(code_of(four_items("\xE9\xAB", "住所")), "not_utf8");
  EXPECT_EQ(code_of(four_items("名\x01前", "住所")), "control_character");
  EXPECT_EQ(code_of(tlv("\xFF\x20", tlv("\xDF\x22", "名前") + tlv("\xDF\x24", "19850401"))), "missing_item");
  EXPECT_EQ(code_of(tlv("\xFF\x20", std::string("\xDF\x22\x05", 3))), "truncated");
  EXPECT_EQ(code_of(tlv("\xFF\x20", std::string("\xAB\x01x", 3))), "wrong_tag");
}

TEST(CardData, ReadsTheIndividualNumberAndChecksItsDigit) {
  EXPECT_EQ(parse_individual_number(testing::number_record()), "123456789018");
  try {
    parse_individual_number(testing::number_record("123456789011"));
    FAIL() << "a wrong check digit was accepted";
  } catch (const CardDataError& e) {
    EXPECT_EQ(e.code(), "bad_number");
    EXPECT_EQ(std::string(e.what()).find("123456789011"), std::string::npos) << "the number is never in a message";
  }
  EXPECT_THROW(parse_individual_number("\xFF\x10\x0C" "12345"), CardDataError);
  EXPECT_THROW(parse_individual_number("\xFF\x10\x0C" "12345678901A"), CardDataError);
}

}  // namespace
}  // namespace madoguchi::counter
