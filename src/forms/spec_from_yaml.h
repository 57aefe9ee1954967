// Builds a FormSpec from its YAML definition (the `form:` mapping of a procedure: `sections` and
// `rules`), refusing anything it does not understand. Every problem names its line and column
// and the path inside the definition, in Japanese and English; the spec is returned only when
// there is none. The YAML schema is documented in docs/procedures.md.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "forms/form_spec.h"
#include "forms/yaml_reader.h"

namespace madoguchi::forms {

struct SpecBuild {
  std::optional<FormSpec> spec;       // set only when problems is empty
  std::vector<SpecProblem> problems;  // in document order
  bool ok() const { return spec.has_value(); }
};

// `node` is the form mapping; `where` prefixes paths in messages ("form.sections[0]…").
SpecBuild build_form_spec(const YAML::Node& node, std::string_view where = "form");

// Parses `yaml_text`, whose top level is the form mapping, and builds it.
SpecBuild parse_form_spec(std::string_view yaml_text, std::string_view where = "form");

// Builds a condition written as in `visible_if` that reads the fields of a built `spec`: its
// top-level fields, or, when `group` names a top-level repeating group, that group's child fields
// first (the condition then holds for one item). Nothing when there are problems, which are added
// to `problems` with their lines.
std::optional<Condition> build_condition(const FormSpec& spec, const YAML::Node& node, std::string_view where,
                                         std::vector<SpecProblem>& problems, std::string_view group = "");

// Limits the loader enforces on definitions.
inline constexpr std::size_t kMaxGroupDepth = 3;        // groups inside groups
inline constexpr std::size_t kMaxRepeatItems = 100;     // max items of a repeating group
inline constexpr std::size_t kMaxTextLength = 10000;    // max_length of any text field
inline constexpr std::uint64_t kMaxFileBytes = 100ull * 1024 * 1024;
inline constexpr std::size_t kMaxConditionDepth = 8;

}  // namespace madoguchi::forms
