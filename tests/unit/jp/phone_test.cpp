#include "jp/phone.h"

#include <gtest/gtest.h>

namespace madoguchi::jp {
namespace {

std::string normal(std::string_view text) {
  auto parsed = normalize_phone(text);
  return parsed.ok() ? parsed.value() : "error:" + parsed.error().code;
}

TEST(Phone, MiyagiCityHalls) {
  EXPECT_EQ(normal("0222611111"), "022-261-1111");    // 仙台市役所
  EXPECT_EQ(normal("022-364-1111"), "022-364-1111");  // 塩竈市役所: 022-3…
  EXPECT_EQ(normal("0223841111"), "022-384-1111");    // 名取市役所
  EXPECT_EQ(normal("0223221111"), "0223-22-1111");    // 岩沼市役所: 0223-2…
  EXPECT_EQ(normal("0224252111"), "0224-25-2111");    // 白石市役所
  EXPECT_EQ(normal("0225951111"), "0225-95-1111");    // 石巻市役所
  EXPECT_EQ(normal("0226226600"), "0226-22-6600");    // 気仙沼市役所
  EXPECT_EQ(normal("0220222111"), "0220-22-2111");    // 登米市役所
  EXPECT_EQ(normal("0228221111"), "0228-22-1111");    // 栗原市役所
  EXPECT_EQ(normal("0229232111"), "0229-23-2111");    // 大崎市役所
  EXPECT_EQ(normal("0227771111"), "022-777-1111");    // 022-7… is Sendai
}

TEST(Phone, MajorCities) {
  EXPECT_EQ(normal("0353211111"), "03-5321-1111");  // 東京都庁
  EXPECT_EQ(normal("0662088181"), "06-6208-8181");  // 大阪市役所
  EXPECT_EQ(normal("0112112111"), "011-211-2111");  // 札幌市役所
  EXPECT_EQ(normal("0529611111"), "052-961-1111");  // 名古屋市役所
  EXPECT_EQ(normal("0752223111"), "075-222-3111");  // 京都市役所
  EXPECT_EQ(normal("0927111111"), "092-711-1111");  // 福岡市役所
  EXPECT_EQ(normal("0137271234"), "01372-7-1234");  // five-digit area code
}

TEST(Phone, OtherKinds) {
  EXPECT_EQ(normal("09012345678"), "090-1234-5678");
  EXPECT_EQ(normal("080 1234 5678"), "080-1234-5678");
  EXPECT_EQ(normal("070-1234-5678"), "070-1234-5678");
  EXPECT_EQ(normal("05012345678"), "050-1234-5678");
  EXPECT_EQ(normal("0120123456"), "0120-123-456");
  EXPECT_EQ(normal("08001234567"), "0800-123-4567");
  EXPECT_EQ(normal("0570123456"), "0570-123-456");
  EXPECT_EQ(parse_phone("09012345678").value().kind, PhoneKind::mobile);
  EXPECT_EQ(parse_phone("05012345678").value().kind, PhoneKind::ip_phone);
  EXPECT_EQ(parse_phone("0120123456").value().kind, PhoneKind::toll_free);
  const auto fixed = parse_phone("022(261)1111").value();
  EXPECT_EQ(fixed.kind, PhoneKind::fixed_line);
  EXPECT_EQ(fixed.area_code, "022");
  EXPECT_EQ(fixed.digits, "0222611111");
  EXPECT_STREQ(phone_kind_name(fixed.kind), "fixed_line");
}

TEST(Phone, AcceptsWhatPeopleType) {
  EXPECT_EQ(normal("０２２－２６１－１１１１"), "022-261-1111");
  EXPECT_EQ(normal("022ー261ー1111"), "022-261-1111");
  EXPECT_EQ(normal("（022）261-1111"), "022-261-1111");
  EXPECT_EQ(normal("+81 22-261-1111"), "022-261-1111");
  EXPECT_EQ(normal("+81 (0)22-261-1111"), "022-261-1111");
  EXPECT_EQ(normal("+81-90-1234-5678"), "090-1234-5678");
}

TEST(Phone, RejectsImpossibleNumbers) {
  EXPECT_EQ(normal("022-261-111"), "error:wrong_length");
  EXPECT_EQ(normal("022-261-11111"), "error:wrong_length");
  EXPECT_EQ(normal("090-1234-567"), "error:wrong_length");
  EXPECT_EQ(normal("0120-123-4567"), "error:wrong_length");
  EXPECT_EQ(normal("0901234567"), "error:wrong_length");
  EXPECT_EQ(normal("09001234567"), "error:unknown_area_code");
  EXPECT_EQ(normal("0101234567"), "error:unsupported_number_type");
  EXPECT_EQ(normal("0012345678"), "error:unsupported_number_type");
  EXPECT_EQ(normal("0601234567"), "error:unknown_area_code");
  EXPECT_EQ(normal("2261111"), "error:missing_leading_zero");
  EXPECT_EQ(normal("+1 212 555 0100"), "error:international_number");
  EXPECT_EQ(normal("022-261-1111 内線5"), "error:invalid_character");
  EXPECT_EQ(normal(""), "error:empty");
  EXPECT_EQ(normal("--"), "error:empty");
  EXPECT_EQ(normal(std::string(10 * 1024 * 1024, '0')), "error:too_long");
  EXPECT_EQ(normal("022\xff"), "error:invalid_utf8");
  auto message = parse_phone("090-1234-567");
  EXPECT_NE(message.error().message_ja.find("11桁"), std::string::npos);
  EXPECT_NE(message.error().message_en.find("10 were given"), std::string::npos);
}

}  // namespace
}  // namespace madoguchi::jp
