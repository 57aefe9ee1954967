#include "forms/field_checks.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <regex>
#include <set>

#include "forms/messages.h"
#include "forms/printable.h"
#include "jp/charset.h"
#include "jp/kana.h"
#include "jp/phone.h"
#include "jp/postal.h"
#include "jp/unicode.h"
#include "jp/wareki.h"

namespace madoguchi::forms {

namespace {

using json = nlohmann::json;

// Numbers without explicit limits stay within what JavaScript represents exactly.
constexpr double kMaxSafeInteger = 9007199254740991.0;

FieldError make_error(const std::string& path, std::string code, const LocalizedText& label,
                      const std::vector<MessageArg>& args = {}) {
  FieldError error{path, code, render_message(code, label, args)};
  return error;
}

FieldError from_jp(const std::string& path, const LocalizedText& label, const jp::Error& error,
                   const std::string& easy_hint) {
  return FieldError{path, error.code,
                    wrap_message(label, error.message_ja, error.message_en, easy_hint)};
}

MessageArg arg(std::string name, std::string text) {
  return MessageArg::same_in_all(std::move(name), std::move(text));
}

MessageArg expected(const char* ja, const char* en) {
  return MessageArg{"expected", LocalizedText{ja, en, ja}};
}

FieldError wrong_type(const std::string& path, const LocalizedText& label, const char* ja,
                      const char* en) {
  return make_error(path, "wrong_type", label, {expected(ja, en)});
}

bool is_line_break(char32_t c) { return c == U'\n' || c == U'\r'; }

bool is_blank_char(char32_t c) {
  return jp::is_horizontal_space(c) || is_line_break(c) || c == U'\u200B' || c == U'\uFEFF';
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string trim_blank(const std::u32string& text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_blank_char(text[begin])) ++begin;
  while (end > begin && is_blank_char(text[end - 1])) --end;
  return jp::encode_utf8(std::u32string_view(text).substr(begin, end - begin));
}

// 10000000000 → "10,000,000,000"; other numbers as JSON writes them.
std::string format_number(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    const auto whole = static_cast<std::int64_t>(value);
    std::string digits = std::to_string(whole < 0 ? -whole : whole);
    for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
      digits.insert(static_cast<std::size_t>(i), ",");
    }
    return (whole < 0 ? "-" : "") + digits;
  }
  json j = value;
  return j.dump();
}

std::string format_bytes(std::uint64_t bytes) {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
    return std::to_string(bytes / (1024 * 1024)) + "MB";
  }
  if (bytes >= 1024 * 1024) {
    const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
    const auto tenths = static_cast<std::uint64_t>(std::ceil(mb * 10));
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "MB";
  }
  if (bytes >= 1024) return std::to_string((bytes + 1023) / 1024) + "KB";
  return std::to_string(bytes) + "B";
}

MessageArg date_arg(std::string name, std::chrono::year_month_day date) {
  const std::string iso = jp::format_iso(date);
  auto wareki = jp::format_wareki(date, jp::WarekiStyle::kanji_with_western);
  const std::string western = std::to_string(static_cast<int>(date.year())) + "年" +
                              std::to_string(static_cast<unsigned>(date.month())) + "月" +
                              std::to_string(static_cast<unsigned>(date.day())) + "日";
  return MessageArg{std::move(name),
                    LocalizedText{wareki.ok() ? wareki.value() : western, iso, western}};
}

// ---- text-like fields ----

struct DecodedText {
  std::u32string code_points;
  bool blank = true;
};

// Decodes a string answer; on failure adds the error and returns nothing.
std::optional<DecodedText> decode_text(const Field& field, const std::string& text,
                                       const std::string& path, FieldOutcome& out) {
  const std::size_t count = count_code_points(text);
  if (count > field.max_length + 64 || text.size() > (field.max_length + 64) * 4) {
    out.errors.push_back(make_error(path, "too_long", field.label,
                                    {arg("max", std::to_string(field.max_length)),
                                     arg("count", std::to_string(count))}));
    return std::nullopt;
  }
  auto decoded = jp::decode_utf8(text, text.size());
  if (!decoded.ok()) {
    std::string position = "?";
    const auto& message = decoded.error().message_en;
    const auto at = message.find("at byte ");
    if (at != std::string::npos) {
      position = message.substr(at + 8, message.find(')', at) - at - 8);
    }
    out.errors.push_back(make_error(path, "invalid_utf8", field.label, {arg("position", position)}));
    return std::nullopt;
  }
  DecodedText result;
  result.code_points = std::move(decoded).value();
  result.blank = std::all_of(result.code_points.begin(), result.code_points.end(), is_blank_char);
  return result;
}

bool check_characters(const Field& field, const std::u32string& text, bool allow_line_breaks,
                      const std::string& path, FieldOutcome& out) {
  for (char32_t c : text) {
    if (is_line_break(c) && !allow_line_breaks) {
      out.errors.push_back(make_error(path, "line_break_not_allowed", field.label));
      return false;
    }
    if (is_forbidden_character(c) || (c == U'\t' && !allow_line_breaks)) {
      out.errors.push_back(
          make_error(path, "control_character", field.label, {arg("char", jp::code_point_label(c))}));
      return false;
    }
  }
  return true;
}

bool check_length(const Field& field, std::string_view normalised, const std::string& path,
                  FieldOutcome& out) {
  const std::size_t count = count_code_points(normalised);
  if (count > field.max_length) {
    out.errors.push_back(make_error(path, "too_long", field.label,
                                    {arg("max", std::to_string(field.max_length)),
                                     arg("count", std::to_string(count))}));
    return false;
  }
  if (count < field.min_length) {
    out.errors.push_back(make_error(path, "too_short", field.label,
                                    {arg("min", std::to_string(field.min_length)),
                                     arg("count", std::to_string(count))}));
    return false;
  }
  return true;
}

void warn_charset(const Field& field, std::string_view text, const std::string& path,
                  FieldOutcome& out) {
  auto report = jp::classify_charset(text);
  if (!report.ok() || report.value().outside_jis_x_0208.empty()) return;
  std::string chars;
  std::set<char32_t> seen;
  for (const auto& uncommon : report.value().outside_jis_x_0208) {
    if (!seen.insert(uncommon.code_point).second) continue;
    if (!chars.empty()) chars += "、";
    chars += jp::describe_character(uncommon.code_point);
  }
  out.warnings.push_back(
      make_error(path, "character_outside_jis_x_0208", field.label, {arg("chars", chars)}));
}

bool is_local_part_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+/=?^_`{|}~.-").find(c) != std::string_view::npos;
}

// local@domain with an ASCII local part (dots anywhere: older Japanese mobile addresses have
// "..") and a domain of at least two labels, the last alphabetic.
std::optional<std::string> normalise_email(std::string_view text) {
  if (text.size() > 254) return std::nullopt;
  const auto at = text.rfind('@');
  if (at == std::string_view::npos || at == 0 || at > 64 || at + 1 == text.size()) {
    return std::nullopt;
  }
  const auto local = text.substr(0, at);
  std::string domain(text.substr(at + 1));
  if (!std::all_of(local.begin(), local.end(), is_local_part_char)) return std::nullopt;
  std::transform(domain.begin(), domain.end(), domain.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  std::size_t labels = 0;
  std::string_view rest = domain;
  std::string_view last;
  while (true) {
    const auto dot = rest.find('.');
    const auto label = rest.substr(0, dot);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return std::nullopt;
    }
    for (char c : label) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return std::nullopt;
    }
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  if (labels < 2 || last.size() < 2) return std::nullopt;
  if (!std::all_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return std::nullopt;
  }
  return std::string(local) + "@" + domain;
}

// Whether the whole of `value` matches the field's pattern. A pattern the regex engine cannot
// run (too complex for the input) counts as a mismatch rather than an exception.
bool matches_pattern(const Field& field, const std::string& value) {
  try {
    const auto pattern = field.compiled_pattern
                             ? field.compiled_pattern
                             : std::make_shared<const std::regex>(field.pattern, std::regex::ECMAScript);
    return std::regex_match(value, *pattern);
  } catch (const std::regex_error&) {
    return false;
  }
}

void check_text_like(const Field& field, const json& raw, const std::string& path,
                     const ValidationContext& context, FieldOutcome& out) {
  if (!raw.is_string()) {
    out.answered = true;
    out.errors.push_back(wrong_type(path, field.label, "文字列", "a string"));
    return;
  }
  const auto& text = raw.get_ref<const std::string&>();
  auto decoded = decode_text(field, text, path, out);
  if (!decoded) {
    out.answered = true;
    return;
  }
  if (decoded->blank) return;
  out.answered = true;
  const auto& cps = decoded->code_points;
  const bool multiline = field.type == FieldType::text && field.multiline;
  if (!check_characters(field, cps, multiline, path, out)) return;

  switch (field.type) {
    case FieldType::name: {
      if (!check_length(field, text, path, out)) return;
      warn_charset(field, text, path, out);
      out.value = text;
      return;
    }
    case FieldType::text: {
      std::string value = trim_blank(cps);
      if (multiline) {
        std::string unified;
        unified.reserve(value.size());
        for (std::size_t i = 0; i < value.size(); ++i) {
          if (value[i] == '\r') {
            unified += '\n';
            if (i + 1 < value.size() && value[i + 1] == '\n') ++i;
          } else {
            unified += value[i];
          }
        }
        value = std::move(unified);
      }
      if (!field.pattern.empty()) {
        auto width = jp::normalize_width(value);
        if (width.ok()) value = std::move(width).value();
      }
      if (!check_length(field, value, path, out)) return;
      if (!field.pattern.empty() && !matches_pattern(field, value)) {
        out.errors.push_back(make_error(path, "pattern_mismatch", field.label,
                                        {MessageArg{"hint", field.pattern_hint}}));
        return;
      }
      out.value = std::move(value);
      return;
    }
    case FieldType::katakana: {
      auto checked = jp::check_furigana(text);
      if (!checked.ok()) {
        out.errors.push_back(from_jp(path, field.label, checked.error(), "カタカナで かいて ください。"));
        return;
      }
      if (!check_length(field, checked.value(), path, out)) return;
      out.value = checked.value();
      return;
    }
    case FieldType::address: {
      auto width = jp::normalize_width(trim_blank(cps));
      if (!width.ok()) {
        out.errors.push_back(from_jp(path, field.label, width.error(), "じゅうしょを なおして ください。"));
        return;
      }
      if (!check_length(field, width.value(), path, out)) return;
      warn_charset(field, width.value(), path, out);
      out.value = width.value();
      return;
    }
    case FieldType::email: {
      auto width = jp::normalize_width(trim_blank(cps));
      std::optional<std::string> email;
      if (width.ok()) email = normalise_email(width.value());
      if (!email) {
        out.errors.push_back(make_error(path, "invalid_email", field.label));
        return;
      }
      if (!check_length(field, *email, path, out)) return;
      out.value = *email;
      return;
    }
    case FieldType::phone: {
      auto phone = jp::normalize_phone(text);
      if (!phone.ok()) {
        out.errors.push_back(from_jp(path, field.label, phone.error(),
                                     "でんわばんごうを かいて ください。れい: 022-214-1111"));
        return;
      }
      out.value = phone.value();
      return;
    }
    case FieldType::postal_code: {
      const std::string easy = "ゆうびんばんごう 7けたを かいて ください。れい: 980-8671";
      auto digits = jp::normalize_postal_code(text);
      if (!digits.ok()) {
        out.errors.push_back(from_jp(path, field.label, digits.error(), easy));
        return;
      }
      const std::string formatted = jp::format_postal_code(digits.value());
      if (context.postal_directory) {
        auto found = context.postal_directory->lookup(digits.value());
        if (!found.ok()) {
          out.errors.push_back(
              make_error(path, "postal_code_unknown", field.label, {arg("value", formatted)}));
          return;
        }
      }
      out.value = formatted;
      return;
    }
    case FieldType::date: {
      auto date = jp::parse_date(text);
      if (!date.ok()) {
        out.errors.push_back(from_jp(path, field.label, date.error(),
                                     "ひづけを なおして ください。れい: 2026-11-22、令和8年11月22日"));
        return;
      }
      const auto day = date.value();
      if (field.earliest) {
        const auto bound = resolve_date_bound(*field.earliest, context.today);
        if (bound && day < *bound) {
          out.errors.push_back(make_error(path, "date_too_early", field.label, {date_arg("min", *bound)}));
          return;
        }
      }
      if (field.latest) {
        const auto bound = resolve_date_bound(*field.latest, context.today);
        if (bound && day > *bound) {
          out.errors.push_back(make_error(path, "date_too_late", field.label, {date_arg("max", *bound)}));
          return;
        }
      }
      if ((field.min_age || field.max_age) && context.today) {
        const auto on = age_reference_day(field.age_on, *context.today);
        const auto age = age_from_iso(jp::format_iso(day), on);
        const int years = age.value_or(-1);
        if (field.min_age && years < *field.min_age) {
          out.errors.push_back(make_error(path, "age_too_low", field.label,
                                          {arg("min", std::to_string(*field.min_age))}));
          return;
        }
        if (field.max_age && years > *field.max_age) {
          out.errors.push_back(make_error(path, "age_too_high", field.label,
                                          {arg("max", std::to_string(*field.max_age))}));
          return;
        }
      }
      out.value = jp::format_iso(day);
      return;
    }
    default:
      return;
  }
}

// ---- numbers ----

struct NumberText {
  std::string digits;  // sign, integer digits, optional '.' and fraction, no separators
  std::size_t decimals = 0;
};

// Accepts "1234", "-12.5", "1,234,567", full-width digits and surrounding spaces.
std::optional<NumberText> parse_number_text(std::string_view raw) {
  if (raw.size() > 120) return std::nullopt;
  auto width = jp::normalize_width(raw);
  if (!width.ok()) return std::nullopt;
  std::string_view text = width.value();
  if (text.size() > 40 || text.empty()) return std::nullopt;
  NumberText out;
  std::size_t i = 0;
  if (text[0] == '-' || text[0] == '+') {
    if (text[0] == '-') out.digits += '-';
    i = 1;
  }
  const std::size_t int_start = i;
  bool commas = false;
  std::size_t group = 0;
  bool first_group = true;
  for (; i < text.size() && text[i] != '.'; ++i) {
    const char c = text[i];
    if (c == ',') {
      if (group == 0 || (first_group && group > 3) || (!first_group && group != 3)) {
        return std::nullopt;
      }
      commas = true;
      first_group = false;
      group = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    out.digits += c;
    ++group;
  }
  if (i == int_start || group == 0 || (commas && group != 3)) return std::nullopt;
  if (i < text.size()) {
    ++i;
    if (i == text.size()) return std::nullopt;
    out.digits += '.';
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      out.digits += text[i];
      ++out.decimals;
    }
  }
  return out;
}

void check_number(const Field& field, const json& raw, const std::string& path,
                  FieldOutcome& out) {
  const double low = field.min.value_or(-kMaxSafeInteger);
  const double high = field.max.value_or(kMaxSafeInteger);
  const auto too_small = [&] {
    out.errors.push_back(make_error(path, "number_too_small", field.label, {arg("min", format_number(low))}));
  };
  const auto too_large = [&] {
    out.errors.push_back(make_error(path, "number_too_large", field.label, {arg("max", format_number(high))}));
  };
  if (raw.is_string()) {
    const auto& s = raw.get_ref<const std::string&>();
    const bool blank = std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
    if (blank) return;
  }
  out.answered = true;
  std::string text;
  if (raw.is_number_unsigned() || raw.is_number_integer()) {
    const double value = raw.is_number_unsigned() ? static_cast<double>(raw.get<std::uint64_t>())
                                                   : static_cast<double>(raw.get<std::int64_t>());
    if (value > high) return too_large();
    if (value < low) return too_small();
    text = raw.dump();
  } else if (raw.is_number_float()) {
    const double value = raw.get<double>();
    if (!std::isfinite(value)) {
      out.errors.push_back(make_error(path, "not_a_number", field.label));
      return;
    }
    if (value > high) return too_large();
    if (value < low) return too_small();
    text = raw.dump();
    if (text.find_first_of("eE") != std::string::npos) {
      out.errors.push_back(make_error(path, field.decimals == 0 ? "not_an_integer" : "too_many_decimals",
                                      field.label, {arg("decimals", std::to_string(field.decimals))}));
      return;
    }
  } else if (raw.is_string()) {
    text = raw.get<std::string>();
  } else {
    out.errors.push_back(wrong_type(path, field.label, "数", "a number"));
    return;
  }
  const auto parsed = parse_number_text(text);
  if (!parsed) {
    out.errors.push_back(make_error(path, "not_a_number", field.label));
    return;
  }
  if (parsed->decimals > static_cast<std::size_t>(field.decimals)) {
    const bool integer_field = field.decimals == 0;
    bool whole = true;
    for (std::size_t k = parsed->digits.size() - parsed->decimals; k < parsed->digits.size(); ++k) {
      if (parsed->digits[k] != '0') whole = false;
    }
    if (!(integer_field && whole)) {
      out.errors.push_back(make_error(path, integer_field ? "not_an_integer" : "too_many_decimals",
                                      field.label, {arg("decimals", std::to_string(field.decimals))}));
      return;
    }
  }
  double value = 0;
  const char* first = parsed->digits.data();
  const char* last = first + parsed->digits.size();
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ptr != last || (ec != std::errc{} && ec != std::errc::result_out_of_range)) {
    out.errors.push_back(make_error(path, "not_a_number", field.label));
    return;
  }
  const bool negative = parsed->digits.front() == '-';
  if (ec == std::errc::result_out_of_range || !std::isfinite(value)) {
    return negative ? too_small() : too_large();
  }
  if (value > high) return too_large();
  if (value < low) return too_small();
  if (field.decimals == 0) {
    out.value = static_cast<std::int64_t>(std::trunc(value));
  } else {
    out.value = value;
  }
}

// ---- choices ----

void check_choice(const Field& field, const json& raw, const std::string& path,
                  FieldOutcome& out) {
  if (field.type == FieldType::checkbox && field.options.empty()) {
    if (!raw.is_boolean()) {
      out.answered = true;
      out.errors.push_back(wrong_type(path, field.label, "true か false", "true or false"));
      return;
    }
    out.answered = raw.get<bool>();
    out.value = raw.get<bool>();
    return;
  }
  if (field.type != FieldType::checkbox) {
    if (!raw.is_string()) {
      out.answered = true;
      out.errors.push_back(wrong_type(path, field.label, "選択肢の値（文字列）", "an option value (string)"));
      return;
    }
    const auto& value = raw.get_ref<const std::string&>();
    if (value.empty()) return;
    out.answered = true;
    if (!field.find_option(value)) {
      out.errors.push_back(make_error(path, "not_an_option", field.label, {arg("value", describe_json_value(raw))}));
      return;
    }
    out.value = value;
    return;
  }
  if (!raw.is_array()) {
    out.answered = true;
    out.errors.push_back(wrong_type(path, field.label, "選択肢の値のリスト", "a list of option values"));
    return;
  }
  if (raw.empty()) return;
  out.answered = true;
  const std::size_t limit = field.max_choices ? field.max_choices : field.options.size();
  if (raw.size() > field.options.size()) {
    out.errors.push_back(make_error(path, "too_many_choices", field.label,
                                    {arg("max", std::to_string(limit)),
                                     arg("count", std::to_string(raw.size()))}));
    return;
  }
  json values = json::array();
  std::set<std::string> seen;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const json& item = raw[i];
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    if (!item.is_string()) {
      out.errors.push_back(wrong_type(item_path, field.label, "選択肢の値（文字列）", "an option value (string)"));
      return;
    }
    const auto& value = item.get_ref<const std::string&>();
    if (!field.find_option(value)) {
      out.errors.push_back(make_error(item_path, "not_an_option", field.label, {arg("value", describe_json_value(item))}));
      return;
    }
    if (!seen.insert(value).second) {
      out.errors.push_back(make_error(item_path, "duplicate_choice", field.label, {arg("value", describe_json_value(item))}));
      return;
    }
  }
  // Stored in the order of the options, so equal answers compare equal.
  for (const auto& option : field.options) {
    if (seen.count(option.value)) values.push_back(option.value);
  }
  if (values.size() > limit) {
    out.errors.push_back(make_error(path, "too_many_choices", field.label,
                                    {arg("max", std::to_string(limit)),
                                     arg("count", std::to_string(values.size()))}));
    return;
  }
  if (values.size() < field.min_choices) {
    out.errors.push_back(make_error(path, "too_few_choices", field.label,
                                    {arg("min", std::to_string(field.min_choices))}));
    return;
  }
  out.value = std::move(values);
}

// ---- files ----

bool is_upload_id(const std::string& id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

std::string media_type_of(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  std::string_view base = content_type.substr(0, semicolon);
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  std::string lower(base);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  return lower;
}

void check_file(const Field& field, const json& raw, const std::string& path, FieldOutcome& out) {
  out.answered = true;
  const auto invalid = [&] { out.errors.push_back(make_error(path, "file_upload_invalid", field.label)); };
  if (!raw.is_object()) {
    out.errors.push_back(wrong_type(path, field.label, "アップロードしたファイルの情報",
                                    "the description of an uploaded file"));
    return;
  }
  const auto id = raw.find("upload_id");
  const auto type = raw.find("content_type");
  const auto size = raw.find("size");
  const auto name = raw.find("filename");
  if (id == raw.end() || !id->is_string() || !is_upload_id(id->get_ref<const std::string&>()) ||
      type == raw.end() || !type->is_string() || type->get_ref<const std::string&>().size() > 200 ||
      size == raw.end() || !(size->is_number_unsigned() || size->is_number_integer()) ||
      size->get<std::int64_t>() < 0) {
    return invalid();
  }
  std::string filename;
  if (name != raw.end()) {
    if (!name->is_string()) return invalid();
    const auto& text = name->get_ref<const std::string&>();
    auto decoded = jp::decode_utf8(text, 1024);
    if (!decoded.ok()) return invalid();
    for (char32_t c : decoded.value()) {
      if (is_forbidden_character(c) || c < 0x20) return invalid();
    }
    filename = text;
  }
  const std::string media = media_type_of(type->get_ref<const std::string&>());
  if (std::find(field.accept.begin(), field.accept.end(), media) == field.accept.end()) {
    std::string accepted;
    for (const auto& a : field.accept) accepted += (accepted.empty() ? "" : ", ") + a;
    out.errors.push_back(make_error(path, "file_type_not_allowed", field.label,
                                    {arg("value", printable(media, 60)), arg("accept", accepted)}));
    return;
  }
  const auto bytes = size->get<std::uint64_t>();
  if (bytes > field.max_bytes) {
    out.errors.push_back(make_error(path, "file_too_large", field.label,
                                    {arg("size", format_bytes(bytes)), arg("max", format_bytes(field.max_bytes))}));
    return;
  }
  out.value = json{{"upload_id", id->get<std::string>()},
                   {"content_type", media},
                   {"size", bytes},
                   {"filename", filename}};
}

}  // namespace

std::string describe_json_value(const json& value) {
  switch (value.type()) {
    case json::value_t::string:
      return "\"" + printable(value.get_ref<const std::string&>(), 40) + "\"";
    case json::value_t::object:
      return "{…}";
    case json::value_t::array:
      return "[…]";
    case json::value_t::null:
      return "null";
    default:
      return printable(value.dump(), 40);
  }
}

FieldOutcome check_field_value(const Field& field, const json& raw, const std::string& path,
                               const ValidationContext& context) {
  FieldOutcome out;
  if (raw.is_null()) {
    if (field.type == FieldType::checkbox && field.options.empty()) out.value = false;
    return out;
  }
  if (is_text_like(field.type)) {
    check_text_like(field, raw, path, context, out);
  } else if (field.type == FieldType::number) {
    check_number(field, raw, path, out);
  } else if (is_choice(field.type)) {
    check_choice(field, raw, path, out);
  } else if (field.type == FieldType::file) {
    check_file(field, raw, path, out);
  }
  return out;
}

}  // namespace madoguchi::forms
