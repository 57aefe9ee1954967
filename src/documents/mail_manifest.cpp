#include <string_view>

#include "documents/mail_batch.h"

namespace madoguchi::documents {
namespace {

void append_cell(std::string& out, std::string_view cell) {
  const bool formula = !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@');
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
