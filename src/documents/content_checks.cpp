#include "documents/content_checks.h"

#include "documents/error.h"

namespace madoguchi::documents {
namespace {

constexpr std::size_t max_sections = 200;
constexpr std::size_t max_rows_per_section = 500;
constexpr std::size_t max_contact_lines = 6;
constexpr std::size_t max_reference_length = 40;

std::string at(const std::string& field, std::size_t index) { return field + "[" + std::to_string(index) + "]"; }

void check_count(const std::string& field, std::size_t count, std::size_t max) {
  if (count > max) {
    throw DocumentError(DocumentErrc::invalid_input, field,
                        "項目が多すぎます（" + std::to_string(count) + " 件。最大 " + std::to_string(max) + " 件）",
                        "has too many entries (" + std::to_string(count) + "; at most " + std::to_string(max) + ")");
  }
}

}  // namespace

std::string checked_field(CheckBudget& budget, const std::string& field, std::string_view text, TextShape shape,
                          Presence presence) {
  std::string checked = checked_text(field, text, shape, presence);
  count_document_bytes(budget.bytes, checked.size());
  return checked;
}

std::string checked_line(CheckBudget& budget, const std::string& field, std::string_view text, std::size_t max_chars,
                         Presence presence) {
  std::string checked = checked_field(budget, field, text, TextShape::single_line, presence);
  std::size_t chars = 0;
  for (char c : checked) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (chars > max_chars) {
    throw DocumentError(DocumentErrc::invalid_input, field,
                        "長すぎます（" + std::to_string(chars) + " 文字。最大 " + std::to_string(max_chars) + " 文字）",
                        "is too long (" + std::to_string(chars) + " characters; at most " +
                            std::to_string(max_chars) + ")");
  }
  return checked;
}

std::string checked_reference(const std::string& field, std::string_view text, Presence presence) {
  if (text.empty() && presence == Presence::optional) return {};
  bool valid = !text.empty() && text.size() <= max_reference_length;
  for (char c : text) {
    const bool allowed = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
    valid = valid && allowed;
  }
  if (!valid) {
    throw DocumentError(DocumentErrc::invalid_input, field,
                        text.empty() ? "受付番号が入力されていません"
                                     : "受付番号は半角英数字とハイフンで 40 文字以内です（例 MDG-7K3Q-9XPD）",
                        text.empty() ? "the reference number is empty"
                                     : "a reference number is 1–40 ASCII letters, digits and hyphens "
                                       "(e.g. MDG-7K3Q-9XPD)");
  }
  return std::string(text);
}

std::vector<std::string> checked_list(CheckBudget& budget, const std::string& field,
                                      const std::vector<std::string>& items, std::size_t max_items,
                                      TextShape shape) {
  check_count(field, items.size(), max_items);
  std::vector<std::string> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out.push_back(checked_field(budget, at(field, i), items[i], shape));
  return out;
}

std::vector<std::string> checked_lines(CheckBudget& budget, const std::string& field,
                                       const std::vector<std::string>& items, std::size_t max_items,
                                       std::size_t max_chars) {
  check_count(field, items.size(), max_items);
  std::vector<std::string> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) out.push_back(checked_line(budget, at(field, i), items[i], max_chars));
  return out;
}

std::vector<Row> checked_rows(CheckBudget& budget, const std::string& field, const std::vector<Row>& rows,
                              std::size_t max_rows) {
  check_count(field, rows.size(), max_rows);
  std::vector<Row> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out.push_back(Row{checked_field(budget, at(field, i) + ".label", rows[i].label, TextShape::multi_line),
                      checked_field(budget, at(field, i) + ".value", rows[i].value, TextShape::multi_line,
                                    Presence::optional)});
  }
  return out;
}

std::vector<Section> checked_sections(CheckBudget& budget, const std::string& field,
                                      const std::vector<Section>& sections) {
  check_count(field, sections.size(), max_sections);
  std::vector<Section> out;
  out.reserve(sections.size());
  for (std::size_t i = 0; i < sections.size(); ++i) {
    out.push_back(Section{
        checked_line(budget, at(field, i) + ".title", sections[i].title, 100),
        checked_rows(budget, at(field, i) + ".rows", sections[i].rows, max_rows_per_section)});
  }
  return out;
}

Office checked_office(CheckBudget& budget, const std::string& field, const Office& office) {
  return Office{checked_line(budget, field + ".organization", office.organization, 20),
                checked_line(budget, field + ".department", office.department, 60, Presence::optional),
                checked_lines(budget, field + ".contact_lines", office.contact_lines, max_contact_lines, 80)};
}

}  // namespace madoguchi::documents
