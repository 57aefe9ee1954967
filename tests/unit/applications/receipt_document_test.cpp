// The receipt PDF: Japanese, every answer, the reference, the next steps —
// read back from the PDF's text with pdftotext.
#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include "applications/receipt_document.h"
#include "forms/validation.h"
#include "test_support.h"

namespace madoguchi::applications {
namespace {

Application sample_application() {
  const auto& p = testing::procedure("residence_certificate");
  auto result = forms::validate(p.form, testing::sample("residence_certificate"), {testing::kToday, nullptr});
  Application a;
  a.id = 1;
  a.reference = "MDG-7K3Q-9XPD";
  a.procedure_id = p.id;
  a.procedure_version = p.version;
  a.channel = "online";
  a.answers = result.answers;
  a.applicant_name = "髙橋　美咲";
  a.submitted_at = "2026-11-22T01:05:00.000Z";
  a.due_on = "2026-11-30";
  return a;
}

std::string pdf_text(const std::string& pdf) {
  auto path = std::filesystem::temp_directory_path() / ("madoguchi-receipt-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  std::string command = "pdftotext -layout '" + path.string() + "' - 2>/dev/null";
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    ::pclose(pipe);
  }
  std::filesystem::remove(path);
  return out;
}

TEST(ReceiptDocument, GathersTheAnswersAndNextSteps) {
  const auto& p = testing::procedure("residence_certificate");
  auto model = receipt_model(sample_application(), p, testing::real_catalogue().directory(), "https://x.example.jp");
  EXPECT_EQ(model.reference, "MDG-7K3Q-9XPD");
  EXPECT_EQ(model.procedure_name, "住民票の写し等の交付請求");
  EXPECT_EQ(model.office.organization, "仙台市");
  ASSERT_FALSE(model.sections.empty());
  EXPECT_EQ(model.sections.front().title, "請求する人");
  bool due = false, status = false;
  for (const auto& step : model.next_steps) {
    due = due || step.find("令和8年（2026年）11月30日まで（標準処理期間 5開庁日）") != std::string::npos;
    status = status || step.find("https://x.example.jp/status") != std::string::npos;
  }
  EXPECT_TRUE(due);
  EXPECT_TRUE(status);
}

TEST(ReceiptDocument, PrintsTheReferenceAndEveryAnswer) {
  const auto& p = testing::procedure("residence_certificate");
  std::string pdf = render_receipt_pdf(sample_application(), p, testing::real_catalogue().directory(), "http://x");
  ASSERT_EQ(pdf.rfind("%PDF", 0), 0u);
  std::string text = pdf_text(pdf);
  for (const char* expected : {"MDG-7K3Q-9XPD", "住民票の写し等の交付請求", "髙橋", "平成2年", "同じ世帯の人",
                               "日本年金機構", "世帯全員"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

}  // namespace
}  // namespace madoguchi::applications
