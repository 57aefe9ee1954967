#include "documents/mail_batch.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "documents/envelope_window.h"
#include "documents/error.h"
#include "pdf_tools.h"
#include "sample_models.h"

namespace madoguchi::documents {
namespace {

using samples::PdfFile;

constexpr double points_per_mm = 72.0 / 25.4;

std::vector<NoticeModel> three_notices() {
  NoticeModel first = samples::sample_notice();
  NoticeModel second = samples::sample_notice();
  second.document_number = "仙青家第1235号";
  second.recipient = Recipient{"981-3203", {"仙台市泉区高森二丁目1番地の40"}, "佐藤 𠮷男", "様"};
  for (int i = 1; i <= 60; ++i) second.items.push_back(Row{"支給明細 " + std::to_string(i), "15,000円"});
  NoticeModel third = samples::sample_certificate();
  third.document_number = "証明第2026-00413号";
  third.recipient = Recipient{"982-0011", {"仙台市太白区長町五丁目3番2号"}, "山﨑 花子", "様"};
  return {first, second, third};
}

TEST(MailBatch, EachNoticeStartsOnItsOwnSheetWithTheAddressInTheWindow) {
  const std::vector<NoticeModel> notices = three_notices();
  const MailBatch batch = render_mail_batch(notices);
  const PdfFile file(batch.pdf.bytes);
  ASSERT_EQ(batch.items.size(), 3u);
  EXPECT_EQ(file.pages(), batch.pdf.pages);
  EXPECT_EQ(batch.items[0].first_page, 1);
  EXPECT_EQ(batch.items[0].pages, 1);
  EXPECT_EQ(batch.items[1].first_page, 2);
  EXPECT_GE(batch.items[1].pages, 2);
  EXPECT_EQ(batch.items[2].first_page, 2 + batch.items[1].pages);
  EXPECT_EQ(batch.pdf.pages, batch.items[2].first_page + batch.items[2].pages - 1);
  EXPECT_EQ(batch.pdf.missing_characters, std::vector<char32_t>{U'\U00020BB7'});

  const double left = envelope_window.left * points_per_mm;
  const double top = envelope_window.top * points_per_mm;
  const double right = envelope_window.right() * points_per_mm;
  const double bottom = envelope_window.bottom() * points_per_mm;
  for (std::size_t i = 0; i < notices.size(); ++i) {
    const MailItem& item = batch.items[i];
    const std::string page_text = file.text(item.first_page, item.first_page);
    EXPECT_NE(page_text.find("文書番号 " + notices[i].document_number), std::string::npos);
    std::string in_window;
    for (const PdfFile::Word& word : file.words(item.first_page)) {
      const bool overlaps = word.x_max > left && word.x_min < right && word.y_max > top && word.y_min < bottom;
      if (!overlaps) continue;
      EXPECT_TRUE(word.x_min >= left && word.x_max <= right && word.y_min >= top && word.y_max <= bottom)
          << word.text << " straddles the window edge";
      in_window += word.text;
    }
    EXPECT_NE(in_window.find(notices[i].recipient.postal_code), std::string::npos) << i;
    EXPECT_NE(in_window.find(notices[i].recipient.address_lines[0]), std::string::npos) << i;
    std::string name = notices[i].recipient.name;
    name.erase(name.find(' '), 1);
    if (i == 1) name = "佐藤〓男";
    EXPECT_NE(in_window.find(name + "様"), std::string::npos) << in_window;
  }
  // A notice's continuation page carries no address block.
  const std::string continuation = file.text(3, 3);
  EXPECT_EQ(continuation.find("〒981-3203"), std::string::npos);
  EXPECT_NE(continuation.find("文書番号 仙青家第1235号"), std::string::npos);
}

TEST(MailBatch, RefusesANoticeWithoutAPostalAddressNamingIt) {
  std::vector<NoticeModel> notices = three_notices();
  notices[1].recipient.postal_code.clear();
  try {
    render_mail_batch(notices);
    FAIL() << "no DocumentError";
  } catch (const DocumentError& error) {
    EXPECT_EQ(error.field(), "notices[1].recipient.postal_code");
    EXPECT_EQ(error.message_ja(), "郵送には郵便番号が必要です");
  }
  EXPECT_THROW(render_mail_batch(std::vector<NoticeModel>{}), DocumentError);
}

TEST(MailManifest, IsExcelReadableUtf8WithRfc4180Quoting) {
  const std::vector<MailItem> items{
      {"仙青家第1234号", "髙橋 﨑子", "980-0011", "仙台市青葉区上杉一丁目5番1号　メゾン上杉 302号室", 1, 1},
      {"第\"5\"号", "Smith, John", "981-3203", "line one\nline two", 2, 3},
      {"=HYPERLINK(\"http://x\")", "@SUM(A1)", "982-0011", "-1+1", 5, 1},
  };
  const std::string csv = mail_manifest_csv(items);
  const std::string expected =
      "\xEF\xBB\xBF"
      "文書番号,宛名,郵便番号,住所,ページ数\r\n"
      "仙青家第1234号,髙橋 﨑子,980-0011,仙台市青葉区上杉一丁目5番1号　メゾン上杉 302号室,1\r\n"
      "\"第\"\"5\"\"号\",\"Smith, John\",981-3203,\"line one\nline two\",3\r\n"
      "\"'=HYPERLINK(\"\"http://x\"\")\",\"'@SUM(A1)\",982-0011,\"'-1+1\",1\r\n";
  EXPECT_EQ(csv, expected);
}

// Spreadsheets also start a formula at a full-width ＝＋－＠ (Japanese input
// leaves them full width) and after leading spaces, tabs or an ideographic
// space; a leading tab or carriage return is refused as well. Such cells get
// the same apostrophe, inside quotes, so they are shown as text.
TEST(MailManifest, GuardsFullWidthAndSpaceLedFormulasToo) {
  const std::vector<MailItem> items{
      {"＝HYPERLINK(\"http://x\")", "＠SUM(A1)", "＋81", "－1＋1", 1, 1},
      {" =1+1", "\u3000=cmd|' /C calc'!A0", "\t=1", "\r@x", 2, 1},
      {"  ＋1", "\u3000\u3000－2", "980-0011", "仙台市青葉区 -1", 3, 1},
  };
  const std::string csv = mail_manifest_csv(items);
  const std::string expected =
      "\xEF\xBB\xBF"
      "文書番号,宛名,郵便番号,住所,ページ数\r\n"
      "\"'＝HYPERLINK(\"\"http://x\"\")\",\"'＠SUM(A1)\",\"'＋81\",\"'－1＋1\",1\r\n"
      "\"' =1+1\",\"'\u3000=cmd|' /C calc'!A0\",\"'\t=1\",\"'\r@x\",1\r\n"
      "\"'  ＋1\",\"'\u3000\u3000－2\",980-0011,仙台市青葉区 -1,1\r\n";
  EXPECT_EQ(csv, expected);
}

TEST(MailManifest, MatchesTheBatch) {
  const MailBatch batch = render_mail_batch(three_notices());
  const std::string csv = mail_manifest_csv(batch.items);
  EXPECT_NE(csv.find("仙青家第1235号,佐藤 𠮷男,981-3203,仙台市泉区高森二丁目1番地の40," +
                     std::to_string(batch.items[1].pages) + "\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("証明第2026-00413号,山﨑 花子,982-0011,仙台市太白区長町五丁目3番2号,1\r\n"), std::string::npos);
}

}  // namespace
}  // namespace madoguchi::documents
