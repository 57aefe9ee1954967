#include "documents/notice.h"

#include <gtest/gtest.h>

#include <string>

#include "documents/envelope_window.h"
#include "documents/error.h"
#include "documents/render/qr_symbol.h"
#include "pdf_tools.h"
#include "sample_models.h"

namespace madoguchi::documents {
namespace {

using samples::PdfFile;

constexpr double points_per_mm = 72.0 / 25.4;

DocumentError error_for(const NoticeModel& model) {
  try {
    render_notice(model);
  } catch (const DocumentError& error) {
    return error;
  }
  ADD_FAILURE() << "no DocumentError";
  return DocumentError(DocumentErrc::render_failed, "", "", "");
}

TEST(Notice, DecisionNoticeTextHasTheLetterheadNameAndItemsExactly) {
  const NoticeModel model = samples::sample_notice();
  const RenderedPdf pdf = render_notice(model);
  EXPECT_EQ(pdf.pages, 1);
  const std::string text = PdfFile(pdf.bytes).text();
  for (const char* expected : {"仙台市", "青葉区役所 保健福祉センター 家庭健康課", "仙青家第1234号",
                               "令和8年（2026年）11月22日", "〒980-0011", "仙台市青葉区上杉一丁目5番1号",
                               "髙橋 﨑子", "児童手当認定通知書", "仙台市長", "記", "以上", "（教示）",
                               "受付番号 MDG-7K3Q-9XPD"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  }
  for (const Row& row : model.items) EXPECT_NE(text.find(row.label), std::string::npos) << row.label;
  EXPECT_NE(text.find("髙橋 﨑良（令和6年1月15日生）"), std::string::npos);
}

TEST(Notice, QrCodeDecodesToTheVerificationUrl) {
  const NoticeModel model = samples::sample_notice();
  const PdfFile file(render_notice(model).bytes);
  EXPECT_EQ(file.qr_text(1), model.verification_url);
  EXPECT_EQ(file.qr_text(1, 100), model.verification_url);  // still reads at a coarse scan
}

TEST(Notice, VerificationUrlsOfRealisticLengthFitVersionSixOrLess) {
  const render::QrSymbol qr = render::QrSymbol::encode(samples::sample_notice().verification_url);
  EXPECT_LE(qr.version(), 6);
  NoticeModel model = samples::sample_notice();
  model.verification_url = "https://madoguchi.city.sendai.jp/" + std::string(120, 'a');
  EXPECT_EQ(error_for(model).code(), DocumentErrc::url_too_long);
}

TEST(Notice, RecipientBlockLiesInsideTheEnvelopeWindow) {
  const NoticeModel model = samples::sample_notice();
  const PdfFile file(render_notice(model).bytes);
  const double left = envelope_window.left * points_per_mm;
  const double top = envelope_window.top * points_per_mm;
  const double right = envelope_window.right() * points_per_mm;
  const double bottom = envelope_window.bottom() * points_per_mm;
  int recipient_words = 0;
  for (const PdfFile::Word& word : file.words(1)) {
    const bool in_window = word.x_max > left && word.x_min < right && word.y_max > top && word.y_min < bottom;
    const std::string recipient_text = "〒980-0011 仙台市青葉区上杉一丁目5番1号 メゾン上杉 302号室 髙橋 﨑子 様";
    const bool recipient = recipient_text.find(word.text) != std::string::npos;
    if (in_window) {
      EXPECT_TRUE(recipient) << "only the address may show through the window, found " << word.text;
      EXPECT_GE(word.x_min, left);
      EXPECT_LE(word.x_max, right);
      EXPECT_GE(word.y_min, top);
      EXPECT_LE(word.y_max, bottom);
      ++recipient_words;
    }
  }
  EXPECT_GE(recipient_words, 5);
}

TEST(Notice, CertificatePutsTheStatementThenTheDateAndIssuer) {
  const RenderedPdf pdf = render_notice(samples::sample_certificate());
  const std::string text = PdfFile(pdf.bytes).text();
  const std::size_t statement = text.find("上記のとおり相違ないことを証明します。");
  const std::size_t date = text.find("令和8年（2026年）11月22日");
  const std::size_t issuer = text.find("仙台市長");
  ASSERT_NE(statement, std::string::npos);
  ASSERT_NE(date, std::string::npos);
  ASSERT_NE(issuer, std::string::npos);
  EXPECT_LT(statement, date);
  EXPECT_LT(date, issuer);
  EXPECT_NE(text.find("児童手当受給証明書"), std::string::npos);
}

TEST(Notice, ManyItemsFlowOntoMorePagesAndTheQrStaysOnPageOne) {
  NoticeModel model = samples::sample_notice();
  for (int i = 1; i <= 60; ++i) model.items.push_back(Row{"支給明細 " + std::to_string(i), "15,000円"});
  const RenderedPdf pdf = render_notice(model);
  const PdfFile file(pdf.bytes);
  ASSERT_GE(pdf.pages, 2);
  EXPECT_EQ(file.pages(), pdf.pages);
  EXPECT_EQ(file.qr_text(1), model.verification_url);
  EXPECT_NE(file.text(2, 2).find("記（続き）"), std::string::npos);
  EXPECT_NE(file.text(pdf.pages, pdf.pages).find("文書番号 仙青家第1234号"), std::string::npos);
  EXPECT_EQ(samples::count_of(file.text(), "支給明細 60"), 1);
}

TEST(Notice, RefusesWhatCannotBePrintedCorrectly) {
  NoticeModel model = samples::sample_notice();
  const std::string long_line = "仙台市青葉区上杉一丁目5番1号メゾン上杉の東棟の最上階にある角部屋の奥にある小さな部屋です";
  model.recipient.address_lines = {long_line, long_line, long_line, long_line};
  DocumentError error = error_for(model);
  EXPECT_EQ(error.code(), DocumentErrc::does_not_fit);
  EXPECT_EQ(error.field(), "recipient");

  model = samples::sample_notice();
  model.recipient.postal_code = "980-001";
  EXPECT_EQ(error_for(model).field(), "recipient.postal_code");

  model = samples::sample_notice();
  model.recipient.name = "";
  EXPECT_EQ(error_for(model).field(), "recipient.name");

  model = samples::sample_notice();
  model.verification_url = "javascript:alert(1)";
  EXPECT_EQ(error_for(model).field(), "verification_url");

  model = samples::sample_notice();
  model.issued_on = std::chrono::year{2026} / std::chrono::February / 30;
  EXPECT_EQ(error_for(model).field(), "issued_on");

  model = samples::sample_notice();
  model.document_number = std::string(41 * 3, 'X');
  error = error_for(model);
  EXPECT_EQ(error.field(), "document_number");
  EXPECT_EQ(error.message_en(), "is too long (123 characters; at most 40)");

}

TEST(Notice, TheLongestLetterheadAllowedStaysAboveTheIssuer) {
  NoticeModel model = samples::sample_notice();
  model.office.organization = "宮城県仙台市青葉区役所本庁舎別館分室第二";          // 20 characters
  model.office.department = std::string("保健福祉センター家庭健康課子育て支援係児童手当担当") +
                            "窓口第二グループ分室別館三階東側カウンター奥の臨時受付所在地案内係二名";  // 60 characters
  const PdfFile file(render_notice(model).bytes);
  double issuer_top = 0;
  double letterhead_bottom = 0;
  for (const PdfFile::Word& word : file.words(1)) {
    if (word.text.find("仙台市長") != std::string::npos) issuer_top = word.y_min;
    if (word.text.find("2026年") != std::string::npos) letterhead_bottom = word.y_max;
  }
  ASSERT_GT(issuer_top, 0);
  ASSERT_GT(letterhead_bottom, 0);
  EXPECT_LT(letterhead_bottom, issuer_top);
}

TEST(Notice, PostalCodeWithoutHyphenIsPrintedWithOne) {
  NoticeModel model = samples::sample_notice();
  model.recipient.postal_code = "9800011";
  EXPECT_NE(PdfFile(render_notice(model).bytes).text().find("〒980-0011"), std::string::npos);
}

}  // namespace
}  // namespace madoguchi::documents
