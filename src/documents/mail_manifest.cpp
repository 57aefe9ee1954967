#include <string_view>

#include "documents/mail_batch.h"

namespace madoguchi::documents {
namespace {

// Whether a spreadsheet could read the cell as a formula: it starts with a
// tab or carriage return, or, after any spaces (ASCII or ideographic), with
// = + - @ in ASCII or full width (＝ ＋ － ＠).
bool reads_as_formula(std::string_view cell) {
  if (!cell.empty() && (cell[0] == '\t' || cell[0] == '\r')) return true;
  constexpr std::string_view kIdeographicSpace = "\u3000";
  while (!cell.empty()) {
    if (cell[0] == ' ') {
      cell.remove_prefix(1);
    } else if (cell.starts_with(kIdeographicSpace)) {
      cell.remove_prefix(kIdeographicSpace.size());
    } else {
      break;
    }
  }
  if (cell.empty()) return false;
  if (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@') return true;
  for (std::string_view full_width : {"\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"}) {
    if (cell.starts_with(full_width)) return true;
  }
  return false;
}

void append_cell(std::string& out, std::string_view cell) {
  const bool formula = reads_as_formula(cell);
  const bool quote = formula || cell.find_first_of("\",\r\n") != std::string_view::npos;
  if (quote) out += '"';
  if (formula) out += '\'';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  if (quote) out += '"';
}

void append_row(std::string& out, std::initializer_list<std::string_view> cells) {
  bool first = true;
  for (std::string_view cell : cells) {
    if (!first) out += ',';
    append_cell(out, cell);
    first = false;
  }
  out += "\r\n";
}

}  // namespace

std::string mail_manifest_csv(std::span<const MailItem> items) {
  std::string csv = "\xEF\xBB\xBF";
  append_row(csv, {"文書番号", "宛名", "郵便番号", "住所", "ページ数"});
  for (const MailItem& item : items) {
    const std::string pages = std::to_string(item.pages);
    append_row(csv, {item.document_number, item.recipient_name, item.postal_code, item.address, pages});
  }
  return csv;
}

}  // namespace madoguchi::documents
