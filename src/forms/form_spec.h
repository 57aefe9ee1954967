// FormSpec is a whole form: pages (sections) of fields, and cross-field rules that relate
// answers to each other. Answers are one JSON object keyed by top-level field id across all
// sections; groups nest objects, repeating groups nest lists of objects. Built from YAML by
// spec_from_yaml.h, checked by validation.h, served by spec_json.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forms/condition.h"
#include "forms/field.h"
#include "forms/localized_text.h"

namespace madoguchi::forms {

struct Section {
  std::string id;
  LocalizedText title;
  LocalizedText help;
  std::optional<Condition> visible_if;  // a hidden section hides all of its fields
  std::vector<Field> fields;
  int line = 0;
};

// A field named by a cross-field rule: a dotted path of ids from the top level, through at most
// one repeating group ("children.birth_date").
struct RulePath {
  std::vector<std::string> names;
  std::optional<std::size_t> repeating_at;  // index in names of the repeating group, if any
  std::string path;                         // "children[].birth_date"
  FieldType type = FieldType::text;
};

struct CrossFieldRule {
  enum class Kind {
    date_order,        // fields[0] is on or before fields[1] (strictly before unless allow_equal);
                       //   the error is reported on fields[1]
    one_of_required,   // at least one of the fields is answered; reported on fields[0]
    unique,            // fields[0] is a field of a repeating group; no two items share a value
    same_value,        // fields[0] and fields[1] are equal (e-mail confirmation); on fields[1]
  };
  std::string id;        // snake_case; used as the error code
  Kind kind = Kind::date_order;
  std::vector<RulePath> fields;
  bool allow_equal = false;
  LocalizedText message;  // may be empty: a default message is used
  int line = 0;
};

std::string_view rule_kind_name(CrossFieldRule::Kind kind);

struct FormSpec {
  std::vector<Section> sections;
  std::vector<CrossFieldRule> rules;

  const Section* find_section(std::string_view id) const;
  // The section holding the top-level field `id`.
  const Section* section_of(std::string_view top_level_id) const;
  // A field by dotted id path ("children.birth_date"; "[]" after a group is accepted too).
  const Field* find_field(std::string_view path) const;
  // Calls `visit(field, path)` for every field, depth first, with the path pattern
  // ("children[].birth_date").
  template <class Visit>
  void for_each_field(Visit&& visit) const {
    for (const auto& section : sections) {
      for (const auto& field : section.fields) visit_field(field, field.id, visit);
    }
  }

 private:
  template <class Visit>
  static void visit_field(const Field& field, const std::string& path, Visit& visit) {
    visit(field, path);
    const std::string prefix = path + (field.repeat ? "[]." : ".");
    for (const auto& child : field.fields) visit_field(child, prefix + child.id, visit);
  }
};

}  // namespace madoguchi::forms
