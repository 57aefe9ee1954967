#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "documents/receipt.h"
#include "pdf_tools.h"
#include "sample_models.h"

namespace madoguchi::documents {
namespace {

// Worker threads render at the same time: each gets its own pango font map.
TEST(Rendering, ThreadsRenderReceiptsAtTheSameTime) {
  constexpr int threads = 4;
  std::vector<std::string> pdfs(threads);
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([&pdfs, i] {
      ReceiptModel model = samples::sample_receipt();
      model.reference = "MDG-TEST-000" + std::to_string(i);
      for (int round = 0; round < 5; ++round) pdfs[i] = render_receipt(model).bytes;
    });
  }
  for (std::thread& worker : workers) worker.join();
  for (int i = 0; i < threads; ++i) {
    const std::string text = samples::PdfFile(pdfs[i]).text();
    EXPECT_NE(text.find("MDG-TEST-000" + std::to_string(i)), std::string::npos);
    EXPECT_NE(text.find("髙橋 﨑子"), std::string::npos);
  }
}

}  // namespace
}  // namespace madoguchi::documents
