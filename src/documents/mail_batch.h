// The mail centre's daily print run: render_mail_batch puts many notices in
// one PDF, each starting on a new sheet (printed one-sided) with its recipient
// block in the 長形3号 window position (envelope_window.h), and lists what it
// placed; mail_manifest_csv turns that list into the CSV the mail centre
// reconciles envelopes against. Every notice must have a postal code and an
// address; the first one that does not is refused with DocumentError naming
// it ("notices[3].recipient.postal_code").
#pragma once

#include <span>
#include <string>
#include <vector>

#include "documents/notice.h"
#include "documents/rendered_pdf.h"

namespace madoguchi::documents {

struct MailItem {
  std::string document_number;
  std::string recipient_name;
  std::string postal_code;  // "980-8671"
  std::string address;      // the address lines joined by an ideographic space
  int first_page = 0;       // 1-based page in the batch PDF
  int pages = 0;
};

struct MailBatch {
  RenderedPdf pdf;
  std::vector<MailItem> items;  // in the order of the notices given
};

MailBatch render_mail_batch(std::span<const NoticeModel> notices);

// UTF-8 with a byte order mark (so Excel reads it as UTF-8), CRLF line ends and
// RFC 4180 quoting. Columns: 文書番号, 宛名, 郵便番号, 住所, ページ数. A cell that
// starts with = + - @ (ASCII or full width, after any ASCII or ideographic
// spaces) or with a tab or carriage return is prefixed with ' so a
// spreadsheet shows it as text instead of running it as a formula.
std::string mail_manifest_csv(std::span<const MailItem> items);

}  // namespace madoguchi::documents
