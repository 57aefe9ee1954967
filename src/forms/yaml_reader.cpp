#include "forms/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "forms/printable.h"
#include "jp/unicode.h"

namespace madoguchi::forms {

namespace {

std::string join(const std::vector<std::string_view>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

// "where.key", or "key" at the top level.
std::string child_path(std::string_view where, std::string_view key) {
  if (where.empty()) return std::string(key);
  return std::string(where) + "." + std::string(key);
}

std::string kind_ja(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "空";
  if (node.IsMap()) return "マッピング";
  if (node.IsSequence()) return "リスト";
  return "値";
}

std::string kind_en(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "empty";
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  return "a scalar";
}

}  // namespace

std::string SpecProblem::message() const { return message_ja + " / " + message_en; }

int line_of(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  const auto mark = node.Mark();
  return mark.line < 0 ? 0 : mark.line + 1;
}

int column_of(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  const auto mark = node.Mark();
  return mark.column < 0 ? 0 : mark.column + 1;
}

bool is_snake_case_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  if (id.front() < 'a' || id.front() > 'z' || id.back() == '_') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
    if (c == '_' && i > 0 && id[i - 1] == '_') return false;
  }
  return true;
}

void YamlReader::report(const YAML::Node& node, std::string_view where, std::string ja,
                        std::string en) {
  report_at(line_of(node), column_of(node), where, std::move(ja), std::move(en));
}

void YamlReader::report_at(int line, int column, std::string_view where, std::string ja,
                           std::string en) {
  SpecProblem problem;
  problem.line = line;
  problem.column = column;
  const std::string prefix = where.empty() ? std::string{} : std::string(where) + ": ";
  problem.message_ja = prefix + ja;
  problem.message_en = prefix + en;
  problems_->push_back(std::move(problem));
}

bool YamlReader::check_map(const YAML::Node& node, std::string_view where,
                           std::initializer_list<std::string_view> allowed) {
  return check_map(node, where, std::vector<std::string_view>(allowed));
}

bool YamlReader::check_map(const YAML::Node& node, std::string_view where,
                           const std::vector<std::string_view>& allowed) {
  if (!node.IsMap()) {
    report(node, where, "マッピング（キー: 値）を書いてください（" + kind_ja(node) + "です）。",
           "expected a mapping (key: value), found " + kind_en(node) + ".");
    return false;
  }
  std::set<std::string> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const YAML::Node key = it->first;
    if (!key.IsScalar()) {
      report(key, where, "キーは文字列で書いてください。", "keys must be plain strings.");
      continue;
    }
    const std::string& name = key.Scalar();
    if (!seen.insert(name).second) {
      report(key, where, "キー" + shown(name) + "が重複しています。",
             "duplicate key " + shown(name) + ".");
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      report(key, where,
             "キー" + shown(name) + "は使えません。使えるキー: " + join(allowed) + "。",
             "unknown key " + shown(name) + "; allowed keys: " + join(allowed) + ".");
    }
  }
  return true;
}

YAML::Node YamlReader::get(const YAML::Node& map, std::string_view key, std::string_view where,
                           bool required) {
  if (map.IsMap()) {
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (it->first.IsScalar() && it->first.Scalar() == key) return it->second;
    }
  }
  if (required && map.IsMap()) {
    report(map, where, "キー" + shown(key) + "がありません。",
           "missing required key " + shown(key) + ".");
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

std::optional<std::string> YamlReader::scalar(const YAML::Node& node, std::string_view where) {
  if (!node.IsScalar()) {
    report(node, where, "値を1つ書いてください（" + kind_ja(node) + "です）。",
           "expected a single value, found " + kind_en(node) + ".");
    return std::nullopt;
  }
  const std::string& text = node.Scalar();
  if (!jp::decode_utf8(text, text.size()).ok()) {
    report(node, where, "UTF-8として読めない文字があります: " + shown(text),
           "not valid UTF-8: " + shown(text));
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> YamlReader::string(const YAML::Node& map, std::string_view key,
                                              std::string_view where, bool required) {
  const YAML::Node node = get(map, key, where, required);
  if (!node.IsDefined()) return std::nullopt;
  const std::string inner = child_path(where, key);
  auto value = scalar(node, inner);
  if (value && value->empty()) {
    report(node, inner, "空にはできません。", "must not be empty.");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> YamlReader::boolean(const YAML::Node& map, std::string_view key,
                                        std::string_view where, bool required) {
  const YAML::Node node = get(map, key, where, required);
  if (!node.IsDefined()) return std::nullopt;
  const std::string inner = child_path(where, key);
  const auto value = scalar(node, inner);
  if (!value) return std::nullopt;
  if (*value == "true" || *value == "yes") return true;
  if (*value == "false" || *value == "no") return false;
  report(node, inner, "true か false を書いてください（" + shown(*value) + "）。",
         "expected true or false, found " + shown(*value) + ".");
  return std::nullopt;
}

std::optional<std::int64_t> YamlReader::integer_value(const YAML::Node& node,
                                                      std::string_view where, std::int64_t min,
                                                      std::int64_t max) {
  const auto value = scalar(node, where);
  if (!value) return std::nullopt;
  std::int64_t parsed = 0;
  const char* first = value->data();
  const char* last = first + value->size();
  const auto [ptr, ec] = std::from_chars(first, last, parsed);
  if (ec != std::errc{} || ptr != last) {
    report(node, where, "整数を書いてください（" + shown(*value) + "）。",
           "expected a whole number, found " + shown(*value) + ".");
    return std::nullopt;
  }
  if (parsed < min || parsed > max) {
    report(node, where,
           std::to_string(min) + "から" + std::to_string(max) + "までの整数を書いてください（" +
               *value + "）。",
           "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
               ", found " + *value + ".");
    return std::nullopt;
  }
  return parsed;
}

std::optional<std::int64_t> YamlReader::integer(const YAML::Node& map, std::string_view key,
                                                std::string_view where, bool required,
                                                std::int64_t min, std::int64_t max) {
  const YAML::Node node = get(map, key, where, required);
  if (!node.IsDefined()) return std::nullopt;
  return integer_value(node, child_path(where, key), min, max);
}

std::optional<double> YamlReader::number(const YAML::Node& map, std::string_view key,
                                         std::string_view where, bool required) {
  const YAML::Node node = get(map, key, where, required);
  if (!node.IsDefined()) return std::nullopt;
  const std::string inner = child_path(where, key);
  const auto value = scalar(node, inner);
  if (!value) return std::nullopt;
  double parsed = 0;
  const char* first = value->data();
  const char* last = first + value->size();
  const auto [ptr, ec] = std::from_chars(first, last, parsed);
  if (ec != std::errc{} || ptr != last || !std::isfinite(parsed)) {
    report(node, inner, "数を書いてください（" + shown(*value) + "）。",
           "expected a number, found " + shown(*value) + ".");
    return std::nullopt;
  }
  return parsed;
}

std::optional<LocalizedText> YamlReader::localized_value(const YAML::Node& node,
                                                         std::string_view where) {
  if (!check_map(node, where, {"ja", "en", "easy"})) return std::nullopt;
  const auto ja = string(node, "ja", where, true);
  const auto en = string(node, "en", where, true);
  const auto easy = string(node, "easy", where, true);
  if (!ja || !en || !easy) return std::nullopt;
  return LocalizedText{*ja, *en, *easy};
}

std::optional<LocalizedText> YamlReader::localized(const YAML::Node& map, std::string_view key,
                                                   std::string_view where, bool required) {
  const YAML::Node node = get(map, key, where, required);
  if (!node.IsDefined()) return std::nullopt;
  return localized_value(node, child_path(where, key));
}

std::optional<std::vector<std::string>> YamlReader::string_list(const YAML::Node& map,
                                                                std::string_view key,
                                                                std::string_view where,
                                                                bool required) {
  const YAML::Node node = get(map, key, where, required);
  if (!node.IsDefined()) return std::nullopt;
  const std::string inner = child_path(where, key);
  if (!node.IsSequence()) {
    report(node, inner, "リスト（- 値）を書いてください（" + kind_ja(node) + "です）。",
           "expected a list (- value), found " + kind_en(node) + ".");
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const auto value = scalar(node[i], inner + "[" + std::to_string(i) + "]");
    if (value) {
      out.push_back(*value);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string> YamlReader::id(const YAML::Node& map, std::string_view key,
                                          std::string_view where, bool required) {
  auto value = string(map, key, where, required);
  if (!value) return std::nullopt;
  if (!is_snake_case_id(*value)) {
    report(get(map, key, where, false), child_path(where, key),
           shown(*value) + "は使えません。英小文字で始まる snake_case（a-z, 0-9, _、64文字まで）で書いてください。",
           shown(*value) + " is not a snake_case id ([a-z][a-z0-9_]*, at most 64 characters).");
    return std::nullopt;
  }
  return value;
}

std::optional<YAML::Node> parse_yaml_text(std::string_view text,
                                          std::vector<SpecProblem>& problems) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    SpecProblem problem;
    problem.line = e.mark.line < 0 ? 0 : e.mark.line + 1;
    problem.column = e.mark.column < 0 ? 0 : e.mark.column + 1;
    const std::string what = printable(e.msg, 200);  // yaml-cpp may quote the offending bytes
    problem.message_ja = "YAMLの書き方が正しくありません: " + what;
    problem.message_en = "YAML syntax error: " + what;
    problems.push_back(std::move(problem));
    return std::nullopt;
  }
}

}  // namespace madoguchi::forms
