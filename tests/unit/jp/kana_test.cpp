#include "jp/kana.h"

#include <gtest/gtest.h>

namespace madoguchi::jp {
namespace {

TEST(Kana, HalfwidthAndHiraganaBecomeFullwidthKatakana) {
  EXPECT_EQ(to_fullwidth_katakana("ﾔﾏﾀﾞ ﾀﾛｳ").value(), "ヤマダ タロウ");
  EXPECT_EQ(to_fullwidth_katakana("やまだ　たろう").value(), "ヤマダ　タロウ");
  EXPECT_EQ(to_fullwidth_katakana("ｳﾞｧｲｵﾘﾝ").value(), "ヴァイオリン");
  EXPECT_EQ(to_fullwidth_katakana("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ ﾊﾞｶﾞｻﾞﾀﾞ").value(), "パピプペポ バガザダ");
  EXPECT_EQ(to_fullwidth_katakana("ｶﾞｯｺｳ ﾜﾞ").value(), "ガッコウ ヷ");
  EXPECT_EQ(to_fullwidth_katakana("ｰｧｨｩｪｫｬｭｮｯｦﾝ").value(), "ーァィゥェォャュョッヲン");
  EXPECT_EQ(to_fullwidth_katakana("ゔぁ ゐゑ ゝ").value(), "ヴァ ヰヱ ヽ");
  // Combining and spacing marks join the kana before them.
  EXPECT_EQ(to_fullwidth_katakana("か\u3099 は\u309a ヒ゛ フ゜").value(), "ガ パ ビ プ");
  // A mark with nothing to join stays (as the full-width spacing mark).
  EXPECT_EQ(to_fullwidth_katakana("ﾞア").value(), "゛ア");
  EXPECT_EQ(to_fullwidth_katakana("ﾝﾞ").value(), "ン゛");
  // Everything else is kept exactly, kanji and names included.
  EXPECT_EQ(to_fullwidth_katakana("髙﨑𠮷 ㈱ Ａ1").value(), "髙﨑𠮷 ㈱ Ａ1");
  EXPECT_EQ(to_fullwidth_katakana("\xff").error().code, "invalid_utf8");
}

TEST(Kana, NormalizeWidth) {
  EXPECT_EQ(normalize_width("Ａｂｃ１２３　　ｘ").value(), "Abc123 x");
  EXPECT_EQ(normalize_width("  山田\u3000\u3000太郎 \t").value(), "山田 太郎");
  EXPECT_EQ(normalize_width("ｶﾞｯｺｳ｡｢ﾃｽﾄ｣､･").value(), "ガッコウ。「テスト」、・");
  EXPECT_EQ(normalize_width("ひらがな").value(), "ひらがな");
  EXPECT_EQ(normalize_width("a\u00a0b\u2003c\u200bd\ufeff").value(), "a b cd");
  EXPECT_EQ(normalize_width("1行目\n2行目").value(), "1行目\n2行目");
  // Never NFKC: these would change under NFKC and must not.
  EXPECT_EQ(normalize_width("髙﨑 ㈱ ① ｷﾛ㌔ ﬁ").value(), "髙﨑 ㈱ ① キロ㌔ ﬁ");
  EXPECT_EQ(normalize_width("").value(), "");
  EXPECT_EQ(normalize_width("\xed\xa0\x80").error().code, "surrogate_code_point");
}

TEST(Kana, FuriganaAcceptsKatakanaAndNormalises) {
  EXPECT_EQ(check_furigana("ヤマダ タロウ").value(), "ヤマダ タロウ");
  EXPECT_EQ(check_furigana("やまだ　たろう").value(), "ヤマダ タロウ");
  EXPECT_EQ(check_furigana(" ﾔﾏﾀﾞ  ﾀﾛｳ ").value(), "ヤマダ タロウ");
  EXPECT_EQ(check_furigana("ヴィクトリア ジョーンズ").value(), "ヴィクトリア ジョーンズ");
  EXPECT_EQ(check_furigana("キャッシュ").value(), "キャッシュ");
  EXPECT_EQ(check_furigana("スミス ジョン ポール").value(), "スミス ジョン ポール");
}

TEST(Kana, FuriganaRejectsWithThePreciseCharacter) {
  auto kanji = check_furigana("ヤマダ山");
  ASSERT_FALSE(kanji.ok());
  EXPECT_EQ(kanji.error().code, "furigana_invalid_character");
  EXPECT_NE(kanji.error().message_ja.find("「山」"), std::string::npos);
  EXPECT_NE(kanji.error().message_ja.find("4文字目"), std::string::npos);
  EXPECT_NE(kanji.error().message_en.find("U+5C71"), std::string::npos);
  EXPECT_EQ(check_furigana("Yamada").error().code, "furigana_invalid_character");
  EXPECT_EQ(check_furigana("ヤマダ・タロウ").error().code, "furigana_invalid_character");
  EXPECT_EQ(check_furigana("ア\xcc\x81").error().code, "furigana_invalid_character");  // U+0301
  EXPECT_EQ(check_furigana("ーヤマダ").error().code, "furigana_misplaced_mark");
  EXPECT_EQ(check_furigana("ヤマダ ッタロウ").error().code, "furigana_misplaced_mark");
  EXPECT_EQ(check_furigana("").error().code, "empty");
  EXPECT_EQ(check_furigana("\u3000 ").error().code, "empty");
  EXPECT_EQ(check_furigana(std::string(10 * 1024 * 1024, 'a')).error().code, "too_long");
  EXPECT_EQ(check_furigana("ア\xc0\x80").error().code, "invalid_utf8");
}

}  // namespace
}  // namespace madoguchi::jp
