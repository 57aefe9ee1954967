// Receipts and notices rendered per second, printed beside this machine's
// ceiling measured in the same run: an empty one-page cairo PDF, and a PDF
// with one line of Japanese text (the font embedding every document pays).
#include <benchmark/benchmark.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "documents/document_signer.h"
#include "documents/issue.h"
#include "documents/receipt.h"

namespace {

using namespace madoguchi::documents;

cairo_status_t discard(void* closure, const unsigned char*, unsigned int length) {
  *static_cast<std::size_t*>(closure) += length;
  return CAIRO_STATUS_SUCCESS;
}

Office office() {
  return Office{"仙台市", "青葉区役所 保健福祉センター 家庭健康課", {"電話 022-225-7211（平日 8時30分〜17時）"}};
}

ReceiptModel receipt(int answers) {
  ReceiptModel model;
  model.office = office();
  model.reference = "MDG-7K3Q-9XPD";
  model.procedure_name = "児童手当 認定請求";
  model.submitted_at = std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + std::chrono::hours{5};
  model.applicant_name = "髙橋 﨑子";
  model.next_steps = {"区役所の担当者が申請内容を確認します。", "認定されると通知書を郵送します。"};
  Section section{"申請内容", {}};
  for (int i = 1; i <= answers; ++i) {
    section.rows.push_back(Row{"質問 " + std::to_string(i), "回答 " + std::to_string(i) + "：仙台市青葉区上杉一丁目"});
  }
  model.sections = {section};
  return model;
}

NoticeModel notice() {
  NoticeModel model;
  model.office = office();
  model.document_number = "仙青家第1234号";
  model.issued_on = std::chrono::year{2026} / 11 / 22;
  model.recipient = Recipient{"980-0011", {"仙台市青葉区上杉一丁目5番1号"}, "髙橋 﨑子", "様"};
  model.title = "児童手当認定通知書";
  model.body = {"申請のあった児童手当について、次のとおり認定したので通知します。"};
  model.items = {{"受給者", "髙橋 﨑子"}, {"支給開始月", "令和8年12月分から"}, {"手当月額", "30,000円"}};
  model.issuer = "仙台市長　郡　和子";
  return model;
}

void BM_Ceiling_BlankCairoPdf(benchmark::State& state) {
  for (auto _ : state) {
    std::size_t bytes = 0;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(discard, &bytes, 595.28, 841.89);
    cairo_t* cr = cairo_create(surface);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Ceiling_OneLineJapanesePdf(benchmark::State& state) {
  PangoFontDescription* font = pango_font_description_from_string("IPAexMincho 10.5");
  for (auto _ : state) {
    std::size_t bytes = 0;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(discard, &bytes, 595.28, 841.89);
    cairo_t* cr = cairo_create(surface);
    PangoLayout* layout = pango_cairo_create_layout(cr);
    pango_layout_set_font_description(layout, font);
    pango_layout_set_text(layout, "電子申請 受付票 MDG-7K3Q-9XPD 髙橋 﨑子", -1);
    cairo_move_to(cr, 56, 56);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    benchmark::DoNotOptimize(bytes);
  }
  pango_font_description_free(font);
  state.SetItemsProcessed(state.iterations());
}

void BM_Receipt(benchmark::State& state) {
  const ReceiptModel model = receipt(static_cast<int>(state.range(0)));
  int pages = 0;
  for (auto _ : state) {
    const RenderedPdf pdf = render_receipt(model);
    pages = pdf.pages;
    benchmark::DoNotOptimize(pdf.bytes.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["pages"] = pages;
}

void BM_IssueSignedNotice(benchmark::State& state) {
  const std::filesystem::path keys = std::filesystem::temp_directory_path() / "madoguchi-bench-keys";
  const DocumentSigner signer = DocumentSigner::open_or_create(keys);
  const NoticeModel model = notice();
  const auto issued_at = std::chrono::sys_days{std::chrono::year{2026} / 11 / 22} + std::chrono::hours{5};
  for (auto _ : state) {
    const IssuedNotice issued = issue_notice(signer, model, "https://madoguchi.city.sendai.jp", issued_at);
    benchmark::DoNotOptimize(issued.pdf.bytes.data());
  }
  state.SetItemsProcessed(state.iterations());
  std::filesystem::remove_all(keys);
}

BENCHMARK(BM_Ceiling_BlankCairoPdf);
BENCHMARK(BM_Ceiling_OneLineJapanesePdf);
BENCHMARK(BM_Receipt)->Arg(12)->Arg(40);
BENCHMARK(BM_IssueSignedNotice);

// Prints each benchmark's rate and its share of the blank-PDF ceiling after the run.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      const auto rate = run.counters.find("items_per_second");
      if (rate != run.counters.end()) rates_[run.benchmark_name()] = rate->second.value;
    }
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    const double ceiling = rates_["BM_Ceiling_BlankCairoPdf"];
    std::printf("\n%-36s %12s %14s\n", "documents per second", "per second", "of blank PDF");
    for (const auto& [name, rate] : rates_) {
      std::printf("%-36s %12.1f %13.1f%%\n", name.c_str(), rate, ceiling > 0 ? 100.0 * rate / ceiling : 0.0);
    }
  }

 private:
  std::map<std::string, double> rates_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
