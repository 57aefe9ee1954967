// An official notice issued by the city: a decision notice (決定通知書) or a
// certificate (証明書), as a Japanese A4 PDF in IPAex Mincho with the office's
// letterhead, the recipient block placed for a 長形3号 window envelope (see
// envelope_window.h), and a QR code carrying the verification URL. Rendering
// neither signs nor stores anything: issue.h ties rendering to signing.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "documents/content.h"
#include "documents/rendered_pdf.h"

namespace madoguchi::documents {

enum class NoticeKind {
  // Number and date at the top, the issuer, the title, the body, then 記 / the items / 以上.
  decision_notice,
  // The title, the items, the certifying sentence (the body), then the date and the issuer below it.
  certificate,
};

struct Recipient {
  std::string postal_code;                 // "980-8671" or "9808671"; may be empty unless mailed
  std::vector<std::string> address_lines;  // at most 4; may be empty unless mailed
  std::string name;                        // exactly as written: 髙橋 﨑子
  std::string honorific = "様";
};

struct NoticeModel {
  NoticeKind kind = NoticeKind::decision_notice;
  Office office;
  std::string document_number;               // "仙青家第1234号"
  std::chrono::year_month_day issued_on{};   // the date printed on the document
  Recipient recipient;
  std::string title;                         // "児童手当認定通知書"
  std::vector<std::string> body;             // paragraphs
  std::vector<Row> items;                    // the 記 table (notice) or the certified facts (certificate)
  std::string remarks_heading;               // e.g. "教示"; may be empty
  std::vector<std::string> remarks;          // e.g. how to appeal
  std::string issuer;                        // "仙台市長　郡　和子"
  std::string reference;                     // 受付番号 of the case; may be empty
  std::string verification_url;              // https://…/verify/<code>; see verification_code.h
};

RenderedPdf render_notice(const NoticeModel& model);

}  // namespace madoguchi::documents
