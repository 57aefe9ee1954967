#include "jp/inspect.h"

#include <gtest/gtest.h>

namespace madoguchi::jp {
namespace {

using nlohmann::json;

json ask(std::vector<std::string> args, const PostalDirectory* postal = nullptr) {
  auto answer = inspect(args, postal);
  return answer.ok() ? answer.value() : error_json(answer.error());
}

TEST(Inspect, Date) {
  const json d = ask({"date", "R8.11.22"});
  EXPECT_EQ(d["iso"], "2026-11-22");
  EXPECT_EQ(d["wareki"], "令和8年11月22日");
  EXPECT_EQ(d["wareki_with_western"], "令和8年（2026年）11月22日");
  EXPECT_EQ(d["era"]["en"], "Reiwa");
  EXPECT_EQ(d["weekday_ja"], "日曜日");
  EXPECT_EQ(d["city_closed"], true);
  EXPECT_EQ(ask({"date", "2026-11-23"})["holiday"]["name_ja"], "勤労感謝の日");
  EXPECT_EQ(ask({"date", "令和0年1月1日"})["error"]["code"], "era_year_zero");
}

TEST(Inspect, TextQuestions) {
  const json k = ask({"kana", "ﾔﾏﾀﾞ　たろう"});
  EXPECT_EQ(k["katakana"], "ヤマダ　タロウ");
  EXPECT_EQ(k["width_normalized"], "ヤマダ たろう");
  EXPECT_EQ(k["furigana"]["value"], "ヤマダ タロウ");
  EXPECT_EQ(ask({"kana", "山田"})["furigana"]["error"]["code"], "furigana_invalid_character");
  const json c = ask({"chars", "髙﨑"});
  EXPECT_EQ(c["level"], "outside_jis");
  EXPECT_EQ(c["outside_jis_x_0208"][1]["code_point"], "U+FA11");
  EXPECT_EQ(ask({"mynumber", "123456789018"})["valid"], true);
  EXPECT_EQ(ask({"corpnumber", "7000012050001"})["error"]["code"], "wrong_check_digit");
  EXPECT_EQ(ask({"phone", "0222611111"})["normalized"], "022-261-1111");
  EXPECT_EQ(ask({"phone", "0222611111"})["area_code"], "022");
  EXPECT_EQ(ask({"address", "国分町三丁目7番1号"})["normalized"], "国分町3-7-1");
  EXPECT_EQ(ask({"holidays", "2026"})["holidays"].size(), 18u);
  EXPECT_EQ(ask({"holidays", "20x6"})["error"]["code"], "invalid_year");
  EXPECT_EQ(ask({"holidays", "1900"})["error"]["code"], "year_out_of_range");
  const json a = ask({"age", "平成20年4月2日", "2026-04-01"});
  EXPECT_EQ(a["age"], 18);
  EXPECT_EQ(a["reached_on"], "2026-04-01");
}

TEST(Inspect, Postal) {
  const std::string body = "madoguchi-postal\t1\t1\t1\ttest\n宮城県\t仙台市青葉区\n9800811\t0\t一番町\t\n";
  std::uint32_t hash = 0x811c9dc5u;
  for (unsigned char b : body) hash = (hash ^ b) * 0x01000193u;
  char end[32];
  std::snprintf(end, sizeof end, "end\t%08x\n", hash);
  auto dir = PostalDirectory::parse(body + end, "test");
  ASSERT_TRUE(dir.ok());
  const json p = ask({"postal", "〒980-0811"}, &dir.value());
  EXPECT_EQ(p["code"], "980-0811");
  EXPECT_EQ(p["addresses"][0]["city"], "仙台市青葉区");
  EXPECT_EQ(ask({"postal", "9800811"})["error"]["code"], "postal_table_missing");
  EXPECT_EQ(ask({"postal", "98"}, &dir.value())["error"]["code"], "wrong_length");
}

TEST(Inspect, UsageErrors) {
  EXPECT_EQ(ask({})["error"]["code"], "usage");
  EXPECT_EQ(ask({"frobnicate", "x"})["error"]["code"], "usage");
  EXPECT_EQ(ask({"date"})["error"]["code"], "usage");
  EXPECT_EQ(ask({"age", "2000-01-01"})["error"]["code"], "usage");
  EXPECT_NE(ask({"date"})["error"]["message_en"].get<std::string>().find("usage: madoguchi jp"), std::string::npos);
}

}  // namespace
}  // namespace madoguchi::jp
