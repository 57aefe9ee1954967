// Strict reading of YAML written by people (procedure and form definitions): every problem is
// reported with the line and column where it is, in Japanese and English; unknown and duplicate
// keys are refused so that a typo never silently drops a setting; scalars are converted without
// exceptions. Shared by forms and procedures.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "forms/localized_text.h"

namespace madoguchi::forms {

struct SpecProblem {
  int line = 0;    // 1-based; 0 when the problem concerns the whole document
  int column = 0;  // 1-based
  std::string message_ja;
  std::string message_en;

  // "日本語 / English", as printed by check-procedures.
  std::string message() const;
};

// 1-based line and column of a node (0 for a node that does not exist).
int line_of(const YAML::Node& node);
int column_of(const YAML::Node& node);

// Whether `id` is a snake_case identifier: [a-z][a-z0-9_]*, at most 64 bytes, no "__", not
// ending in "_".
bool is_snake_case_id(std::string_view id);

class YamlReader {
 public:
  explicit YamlReader(std::vector<SpecProblem>& problems) : problems_(&problems) {}

  // Records a problem at `node` (or at line/column when given). `where` prefixes both messages
  // ("sections[0].fields[2]").
  void report(const YAML::Node& node, std::string_view where, std::string ja, std::string en);
  void report_at(int line, int column, std::string_view where, std::string ja, std::string en);

  // `node` must be a mapping whose keys are scalars, unique, and among `allowed`. Reports every
  // offending key and returns false when `node` is not a mapping at all.
  bool check_map(const YAML::Node& node, std::string_view where,
                 std::initializer_list<std::string_view> allowed);
  bool check_map(const YAML::Node& node, std::string_view where,
                 const std::vector<std::string_view>& allowed);

  // The value under `key` (an invalid node when absent); with `required`, absence is reported.
  YAML::Node get(const YAML::Node& map, std::string_view key, std::string_view where,
                 bool required);

  std::optional<std::string> string(const YAML::Node& map, std::string_view key,
                                    std::string_view where, bool required);
  std::optional<std::string> scalar(const YAML::Node& node, std::string_view where);
  std::optional<bool> boolean(const YAML::Node& map, std::string_view key, std::string_view where,
                              bool required);
  std::optional<std::int64_t> integer(const YAML::Node& map, std::string_view key,
                                      std::string_view where, bool required, std::int64_t min,
                                      std::int64_t max);
  std::optional<std::int64_t> integer_value(const YAML::Node& node, std::string_view where,
                                            std::int64_t min, std::int64_t max);
  std::optional<double> number(const YAML::Node& map, std::string_view key, std::string_view where,
                               bool required);
  // A mapping with non-empty `ja`, `en` and `easy`.
  std::optional<LocalizedText> localized(const YAML::Node& map, std::string_view key,
                                         std::string_view where, bool required);
  std::optional<LocalizedText> localized_value(const YAML::Node& node, std::string_view where);
  // A sequence of scalars (a single scalar is refused: lists are written as lists).
  std::optional<std::vector<std::string>> string_list(const YAML::Node& map, std::string_view key,
                                                      std::string_view where, bool required);
  // A snake_case id under `key`.
  std::optional<std::string> id(const YAML::Node& map, std::string_view key,
                                std::string_view where, bool required);

  std::size_t problem_count() const { return problems_->size(); }

 private:
  std::vector<SpecProblem>* problems_;
};

// Parses YAML text; on a syntax error returns nothing and reports it with its position.
std::optional<YAML::Node> parse_yaml_text(std::string_view text,
                                          std::vector<SpecProblem>& problems);

}  // namespace madoguchi::forms
