// The citizen's receipt (電子申請 受付票): a Japanese A4 PDF confirming that an
// application was received, with its reference number, the procedure, the
// submission time, what happens next and every answer given. render_receipt
// validates the model and throws DocumentError (Japanese and English message,
// naming the field) for empty, oversized, non-UTF-8 or control-character input.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "documents/content.h"
#include "documents/rendered_pdf.h"

namespace madoguchi::documents {

struct ReceiptModel {
  Office office;                          // printed at the top and in the closing contact box
  std::string reference;                  // "MDG-7K3Q-9XPD": ASCII letters, digits and hyphens
  std::string procedure_name;             // "児童手当 認定請求"
  std::chrono::sys_seconds submitted_at;  // printed in Japan time, 和暦 with the Western year
  std::string applicant_name;             // exactly as the applicant wrote it
  std::vector<std::string> next_steps;    // numbered; at most 20
  std::vector<Section> sections;          // the answers; repeating groups as one section per entry
};

RenderedPdf render_receipt(const ReceiptModel& model);

}  // namespace madoguchi::documents
