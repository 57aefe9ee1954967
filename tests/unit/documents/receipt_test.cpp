#include "documents/receipt.h"

#include <gtest/gtest.h>

#include <string>

#include "documents/error.h"
#include "pdf_tools.h"
#include "sample_models.h"

namespace madoguchi::documents {
namespace {

using samples::count_of;
using samples::PdfFile;

// Every line of a (possibly multi-line) value, as pdftotext prints it.
std::vector<std::string> lines_of(const std::string& value) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = value.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(value.substr(start, end - start));
  }
  lines.push_back(value.substr(start));
  return lines;
}

TEST(Receipt, TextHasTheReferenceTheSubmissionAndEveryAnswerExactly) {
  const ReceiptModel model = samples::sample_receipt();
  const RenderedPdf pdf = render_receipt(model);
  const std::string text = PdfFile(pdf.bytes).text();

  EXPECT_NE(text.find("MDG-7K3Q-9XPD"), std::string::npos);
  EXPECT_NE(text.find("児童手当 認定請求"), std::string::npos);
  EXPECT_NE(text.find("令和8年（2026年）11月22日 14時05分"), std::string::npos);
  EXPECT_NE(text.find("髙橋 﨑子"), std::string::npos);
  EXPECT_NE(text.find("髙橋 﨑良"), std::string::npos);  // the second child of the repeating group
  EXPECT_NE(text.find("お子さん（2人目）"), std::string::npos);
  for (const Section& section : model.sections) {
    for (const Row& row : section.rows) {
      EXPECT_NE(text.find(row.label), std::string::npos) << row.label;
      for (const std::string& line : lines_of(row.value)) EXPECT_NE(text.find(line), std::string::npos) << line;
    }
  }
  EXPECT_NE(text.find("（記入なし）"), std::string::npos);  // the empty answer is shown, not dropped
  for (const std::string& step : model.next_steps) EXPECT_NE(text.find(step), std::string::npos) << step;
  EXPECT_TRUE(pdf.missing_characters.empty());
}

TEST(Receipt, FortyAnswersSpanPagesEachWithAFooter) {
  const RenderedPdf pdf = render_receipt(samples::long_receipt(40));
  const PdfFile file(pdf.bytes);
  ASSERT_EQ(file.pages(), pdf.pages);
  ASSERT_EQ(pdf.pages, 2);
  for (int page = 1; page <= pdf.pages; ++page) {
    const std::string text = file.text(page, page);
    EXPECT_NE(text.find("受付番号 MDG-7K3Q-9XPD"), std::string::npos) << "page " << page;
    EXPECT_NE(text.find(std::to_string(page) + " / 2 ページ"), std::string::npos) << "page " << page;
  }
  const std::string text = file.text();
  for (int i = 1; i <= 40; ++i) {
    EXPECT_EQ(count_of(text, "回答 " + std::to_string(i) + "："), 1) << "answer " << i;
  }
  EXPECT_NE(file.text(2, 2).find("■ 申請内容の詳細（続き）"), std::string::npos);
}

TEST(Receipt, PageCountGrowsWithTheAnswers) {
  const RenderedPdf pdf = render_receipt(samples::long_receipt(150));
  const PdfFile file(pdf.bytes);
  EXPECT_EQ(file.pages(), pdf.pages);
  EXPECT_GE(pdf.pages, 5);
  EXPECT_NE(file.text(pdf.pages, pdf.pages).find(std::to_string(pdf.pages) + " / " + std::to_string(pdf.pages)),
            std::string::npos);
  EXPECT_EQ(count_of(file.text(), "回答 150："), 1);
}

TEST(Receipt, AnAnswerLongerThanAPageIsSplitBetweenLinesWithNothingLost) {
  ReceiptModel model = samples::sample_receipt();
  std::string essay;
  for (int i = 0; i < 400; ++i) essay += "[" + std::to_string(1000 + i) + "]仙台市の窓口で申請しました。";
  model.sections = {{"申立ての理由", {{"理由", essay}}}};
  const RenderedPdf pdf = render_receipt(model);
  const PdfFile file(pdf.bytes);
  EXPECT_GE(pdf.pages, 3);
  const std::string text = file.text();
  for (int i = 0; i < 400; ++i) {
    EXPECT_EQ(count_of(text, "[" + std::to_string(1000 + i) + "]"), 1) << "marker " << 1000 + i;
  }
}

TEST(Receipt, ACharacterTheFontLacksIsMarkedAndExplainedNotDropped) {
  ReceiptModel model = samples::sample_receipt();
  model.applicant_name = "𠮷田 太郎";
  const RenderedPdf pdf = render_receipt(model);
  ASSERT_EQ(pdf.missing_characters, std::vector<char32_t>{U'\U00020BB7'});
  const std::string text = PdfFile(pdf.bytes).text();
  EXPECT_NE(text.find("〓田 太郎"), std::string::npos);
  EXPECT_NE(text.find("U+20BB7"), std::string::npos);
}

DocumentError error_for(const ReceiptModel& model) {
  try {
    render_receipt(model);
  } catch (const DocumentError& error) {
    return error;
  }
  ADD_FAILURE() << "no DocumentError";
  return DocumentError(DocumentErrc::render_failed, "", "", "");
}

TEST(Receipt, RefusesBadInputWithAClearMessageNamingTheField) {
  ReceiptModel model = samples::sample_receipt();
  model.reference = "";
  DocumentError error = error_for(model);
  EXPECT_EQ(error.code(), DocumentErrc::invalid_input);
  EXPECT_EQ(error.field(), "reference");
  EXPECT_EQ(error.message_ja(), "受付番号が入力されていません");

  model = samples::sample_receipt();
  model.sections[1].rows[0].value = std::string("髙橋\0陽向", 10);
  error = error_for(model);
  EXPECT_EQ(error.field(), "sections[1].rows[0].value");
  EXPECT_NE(error.message_en().find("U+0000"), std::string::npos);

  model = samples::sample_receipt();
  model.applicant_name = std::string(10 * 1024 * 1024, 'a');
  error = error_for(model);
  EXPECT_EQ(error.field(), "applicant_name");
  EXPECT_NE(error.message_ja().find("長すぎます"), std::string::npos);

  model = samples::sample_receipt();
  model.procedure_name = "児童手当\xC3\x28";
  error = error_for(model);
  EXPECT_EQ(error.field(), "procedure_name");
  EXPECT_NE(error.message_en().find("UTF-8"), std::string::npos);

  model = samples::sample_receipt();
  model.applicant_name = "髙橋\xE2\x80\xAE子﨑";  // U+202E RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(error_for(model).field(), "applicant_name");

  model = samples::sample_receipt();
  model.applicant_name = "髙橋\n﨑子";
  EXPECT_EQ(error_for(model).message_en(), "must be a single line");

  model = samples::sample_receipt();
  model.reference = "MDG 7K3Q";
  EXPECT_EQ(error_for(model).field(), "reference");
}

TEST(Receipt, RefusesAModelTooLargeAsAWhole) {
  ReceiptModel model = samples::sample_receipt();
  Section big{"大量の回答", {}};
  for (int i = 0; i < 40; ++i) big.rows.push_back(Row{"回答", std::string(60 * 1024, 'x')});
  model.sections = {big};
  const DocumentError error = error_for(model);
  EXPECT_EQ(error.code(), DocumentErrc::invalid_input);
  EXPECT_NE(error.message_en().find("too large"), std::string::npos);
}

}  // namespace
}  // namespace madoguchi::documents
