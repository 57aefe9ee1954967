#include "jp/charset.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace madoguchi::jp {
namespace {

JisLevel level_of(std::string_view text) { return classify_charset(text).value().level; }

TEST(Charset, JisX0208Text) {
  EXPECT_EQ(level_of("山田太郎 ヤマダ やまだ ｱｲｳ ABC 123 〜"), JisLevel::jis_x_0208);
  EXPECT_EQ(level_of("宮城県仙台市青葉区国分町3-7-1"), JisLevel::jis_x_0208);
  EXPECT_TRUE(classify_charset("渡邊").value().outside_jis_x_0208.empty());
  EXPECT_EQ(level_of(""), JisLevel::jis_x_0208);
}

TEST(Charset, JisX0213Only) {
  for (const char* c : {"﨑", "剝", "鷗", "塡", "𩸽"}) {
    SCOPED_TRACE(c);
    const auto report = classify_charset(c).value();
    EXPECT_EQ(report.level, JisLevel::jis_x_0213);
    ASSERT_EQ(report.outside_jis_x_0208.size(), 1u);
    EXPECT_EQ(report.outside_jis_x_0208[0].character, c);
  }
}

TEST(Charset, OutsideJis) {
  const auto report = classify_charset("髙橋𠮷野﨑").value();
  EXPECT_EQ(report.level, JisLevel::outside_jis);
  ASSERT_EQ(report.outside_jis_x_0208.size(), 3u);
  EXPECT_EQ(report.outside_jis_x_0208[0].character, "髙");
  EXPECT_EQ(report.outside_jis_x_0208[0].code_point, U'髙');
  EXPECT_EQ(report.outside_jis_x_0208[0].position, 1u);
  EXPECT_EQ(report.outside_jis_x_0208[0].level, JisLevel::outside_jis);
  EXPECT_EQ(report.outside_jis_x_0208[1].character, "𠮷");
  EXPECT_EQ(report.outside_jis_x_0208[1].position, 3u);
  EXPECT_EQ(report.outside_jis_x_0208[2].character, "﨑");
  EXPECT_EQ(report.outside_jis_x_0208[2].level, JisLevel::jis_x_0213);
  EXPECT_STREQ(jis_level_name(report.level), "outside_jis");
  // Variation selectors (IVS) and emoji are in no JIS set; the text is never altered.
  EXPECT_EQ(level_of("葛\U000E0100"), JisLevel::outside_jis);
  EXPECT_EQ(level_of("😀"), JisLevel::outside_jis);
  EXPECT_EQ(level_of("a\x01"), JisLevel::outside_jis);
}

TEST(Charset, RejectsInvalidInput) {
  EXPECT_EQ(classify_charset("\xe3\x81").error().code, "invalid_utf8");
  EXPECT_EQ(classify_charset(std::string(10 * 1024 * 1024, 'a')).error().code, "too_long");
}

TEST(Charset, WorksFromSeveralThreads) {
  std::vector<std::thread> threads;
  std::atomic<int> correct{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (level_of("髙") == JisLevel::outside_jis && level_of("﨑") == JisLevel::jis_x_0213) ++correct;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(correct.load(), 800);
}

}  // namespace
}  // namespace madoguchi::jp
