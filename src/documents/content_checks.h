// Validation of the shared content pieces (rows, sections, offices, lists,
// reference numbers) against text_rules.h, returning normalised copies.
// Field names in errors follow the model: "sections[2].rows[0].value".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "documents/content.h"
#include "documents/text_rules.h"

namespace madoguchi::documents {

// Running state of one model's validation: the total size so far.
struct CheckBudget {
  std::size_t bytes = 0;
};

std::string checked_field(CheckBudget& budget, const std::string& field, std::string_view text, TextShape shape,
                          Presence presence = Presence::required);

// A single line of at most `max_chars` characters (code points): names, titles, numbers.
std::string checked_line(CheckBudget& budget, const std::string& field, std::string_view text, std::size_t max_chars,
                         Presence presence = Presence::required);

// A case reference such as "MDG-7K3Q-9XPD": 1–40 ASCII letters, digits and hyphens.
std::string checked_reference(const std::string& field, std::string_view text, Presence presence);

std::vector<std::string> checked_list(CheckBudget& budget, const std::string& field,
                                      const std::vector<std::string>& items, std::size_t max_items,
                                      TextShape shape);

// A list of single lines of at most `max_chars` characters each.
std::vector<std::string> checked_lines(CheckBudget& budget, const std::string& field,
                                       const std::vector<std::string>& items, std::size_t max_items,
                                       std::size_t max_chars);

std::vector<Row> checked_rows(CheckBudget& budget, const std::string& field, const std::vector<Row>& rows,
                              std::size_t max_rows);

std::vector<Section> checked_sections(CheckBudget& budget, const std::string& field,
                                      const std::vector<Section>& sections);

Office checked_office(CheckBudget& budget, const std::string& field, const Office& office);

}  // namespace madoguchi::documents
