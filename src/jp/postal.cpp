#include "jp/postal.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <optional>

#include "jp/unicode.h"

namespace madoguchi::jp {

namespace {

constexpr std::size_t kMaxPostalBytes = 64;
constexpr std::string_view kMagic = "madoguchi-postal";
constexpr std::string_view kVersion = "1";

bool is_dash(char32_t c) {
  return c == U'-' || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
         c == 0x2212 || c == 0x30FC || c == 0xFF70;
}

std::uint32_t fnv1a(std::string_view bytes) {
  std::uint32_t hash = 0x811c9dc5u;
  for (unsigned char b : bytes) hash = (hash ^ b) * 0x01000193u;
  return hash;
}

// Splits `line` at tabs into exactly `n` fields.
bool split_fields(std::string_view line, std::string_view* fields, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t tab = line.find('\t');
    if (i + 1 == n) {
      if (tab != std::string_view::npos) return false;
      fields[i] = line;
    } else {
      if (tab == std::string_view::npos) return false;
      fields[i] = line.substr(0, tab);
      line.remove_prefix(tab + 1);
    }
  }
  return true;
}

template <class Int>
bool parse_int(std::string_view text, Int& out) {
  if (text.empty()) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

bool is_seven_digits(std::string_view s) {
  return s.size() == 7 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The code of "9800811" or "980-0811" read without decoding, or nullopt for anything else.
std::optional<std::uint32_t> plain_ascii_code(std::string_view text) {
  if (text.size() != 7 && !(text.size() == 8 && text[3] == '-')) return std::nullopt;
  std::uint32_t code = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 3 && text.size() == 8) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    code = code * 10 + static_cast<std::uint32_t>(text[i] - '0');
  }
  return code;
}

}  // namespace

struct PostalDirectory::Table {
  struct Municipality {
    std::string_view prefecture;
    std::string_view city;
  };
  struct Record {
    std::uint32_t municipality;
    std::string_view town;
    std::string_view note;
  };
  std::string text;
  std::string_view source;
  std::vector<Municipality> municipalities;
  std::vector<std::uint32_t> codes;  // sorted; parallel to records
  std::vector<Record> records;
};


Parsed<std::string> normalize_postal_code(std::string_view text) {
  if (text.size() > kMaxPostalBytes) return too_long_error("郵便番号", "The postal code", kMaxPostalBytes);
  auto decoded = decode_utf8(text, kMaxPostalBytes);
  if (!decoded.ok()) return decoded.error();
  std::string digits;
  const std::u32string& cps = decoded.value();
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = fold_fullwidth_ascii(cps[i]);
    const std::string position = std::to_string(i + 1);
    if (c >= U'0' && c <= U'9') {
      digits.push_back(static_cast<char>(c));
    } else if (is_dash(c)) {
      if (digits.size() != 3) {
        return make_error("misplaced_hyphen", "郵便番号のハイフンは3桁目の後に置いてください（" + position + "文字目）。",
                          "The hyphen of a postal code goes after the third digit (character " + position + ").");
      }
    } else if (!(is_horizontal_space(c) || (c == U'〒' && digits.empty()))) {
      return make_error("invalid_character",
                        "郵便番号に使えない文字" + describe_character(cps[i]) + "があります（" + position + "文字目）。",
                        "The postal code contains " + describe_character(cps[i]) + " at character " + position +
                            ", which is not allowed.");
    }
  }
  if (digits.empty()) return empty_error("郵便番号", "The postal code");
  if (digits.size() != 7) {
    return make_error("wrong_length", "郵便番号は7桁です（入力は" + std::to_string(digits.size()) + "桁）。",
                      "A postal code has 7 digits; " + std::to_string(digits.size()) + " were given.");
  }
  return digits;
}

std::string format_postal_code(std::string_view seven) {
  return std::string(seven.substr(0, 3)) + "-" + std::string(seven.substr(3));
}

Parsed<PostalDirectory> PostalDirectory::load(const std::filesystem::path& path) {
  auto missing = [&](const std::string& reason) {
    return make_error("postal_table_missing",
                      "郵便番号表 " + path.string() + " を読めません（" + reason +
                          "）。scripts/build-postal-table.mjs で作成してください。",
                      "Cannot read the postal table " + path.string() + " (" + reason +
                          "); build it with scripts/build-postal-table.mjs.");
  };
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return missing(std::strerror(errno));
  std::string text;
  char buffer[1 << 16];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) text.append(buffer, got);
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return missing("read error");
  return parse(std::move(text), path.string());
}

Parsed<PostalDirectory> PostalDirectory::parse(std::string text, std::string_view origin) {
  auto table = std::make_shared<Table>();
  table->text = std::move(text);
  std::string_view rest = table->text;
  std::size_t line_number = 0;
  auto corrupt = [&](const std::string& what) {
    const std::string line = std::to_string(line_number);
    return make_error("postal_table_corrupt",
                      "郵便番号表 " + std::string(origin) + " が壊れています（" + line + "行目: " + what +
                          "）。scripts/build-postal-table.mjs で作り直してください。",
                      "The postal table " + std::string(origin) + " is damaged (line " + line + ": " + what +
                          "); rebuild it with scripts/build-postal-table.mjs.");
  };
  auto next_line = [&](std::string_view& line) {
    const std::size_t end = rest.find('\n');
    if (end == std::string_view::npos) return false;
    line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    ++line_number;
    return true;
  };

  std::string_view line;
  std::string_view header[5];
  if (!next_line(line) || !split_fields(line, header, 5) || header[0] != kMagic) return corrupt("not a madoguchi postal table");
  if (header[1] != kVersion) return corrupt("format version " + std::string(header[1]) + ", expected " + std::string(kVersion));
  std::size_t municipality_count = 0, entry_count = 0;
  if (!parse_int(header[2], municipality_count) || !parse_int(header[3], entry_count)) return corrupt("bad counts");
  if (municipality_count > table->text.size() || entry_count > table->text.size()) return corrupt("bad counts");
  table->source = header[4];

  table->municipalities.reserve(municipality_count);
  for (std::size_t i = 0; i < municipality_count; ++i) {
    std::string_view f[2];
    if (!next_line(line)) return corrupt("ends early (truncated)");
    if (!split_fields(line, f, 2) || f[0].empty() || f[1].empty()) return corrupt("bad municipality record");
    table->municipalities.push_back({f[0], f[1]});
  }
  table->codes.reserve(entry_count);
  table->records.reserve(entry_count);
  std::uint32_t previous = 0;
  for (std::size_t i = 0; i < entry_count; ++i) {
    std::string_view f[4];
    if (!next_line(line)) return corrupt("ends early (truncated)");
    std::uint32_t code = 0, municipality = 0;
    if (!split_fields(line, f, 4) || !is_seven_digits(f[0]) || !parse_int(f[0], code) ||
        !parse_int(f[1], municipality) || municipality >= table->municipalities.size()) {
      return corrupt("bad address record");
    }
    if (code < previous) return corrupt("codes out of order");
    previous = code;
    table->codes.push_back(code);
    table->records.push_back({municipality, f[2], f[3]});
  }
  const std::size_t body_size = table->text.size() - rest.size();
  std::string_view f[2];
  std::uint32_t expected = 0;
  if (!next_line(line)) return corrupt("ends early (truncated)");
  if (!split_fields(line, f, 2) || f[0] != "end" || f[1].size() != 8) return corrupt("missing end record");
  const auto [end, ec] = std::from_chars(f[1].data(), f[1].data() + 8, expected, 16);
  if (ec != std::errc{} || end != f[1].data() + 8) return corrupt("bad checksum field");
  if (fnv1a(std::string_view(table->text).substr(0, body_size)) != expected) return corrupt("checksum mismatch");
  if (!rest.empty()) return corrupt("data after the end record");
  return PostalDirectory(std::move(table));
}

Parsed<std::vector<PostalAddress>> PostalDirectory::lookup(std::string_view code) const {
  std::uint32_t key = 0;
  if (const auto plain = plain_ascii_code(code)) {
    key = *plain;
  } else {
    auto normalized = normalize_postal_code(code);
    if (!normalized.ok()) return normalized.error();
    parse_int(std::string_view(normalized.value()), key);
  }
  const auto [first, last] = std::equal_range(table_->codes.begin(), table_->codes.end(), key);
  if (first == last) {
    char digits[8];
    std::snprintf(digits, sizeof digits, "%07u", static_cast<unsigned>(key));
    const std::string shown = format_postal_code(digits);
    return make_error("postal_code_not_found", "郵便番号 " + shown + " は見つかりません。",
                      "The postal code " + shown + " does not exist.");
  }
  std::vector<PostalAddress> out;
  out.reserve(static_cast<std::size_t>(last - first));
  for (auto it = first; it != last; ++it) {
    const Table::Record& r = table_->records[static_cast<std::size_t>(it - table_->codes.begin())];
    const Table::Municipality& m = table_->municipalities[r.municipality];
    out.push_back(PostalAddress{m.prefecture, m.city, r.town, r.note});
  }
  return out;
}

std::size_t PostalDirectory::size() const { return table_->records.size(); }

std::string_view PostalDirectory::source() const { return table_->source; }

}  // namespace madoguchi::jp
