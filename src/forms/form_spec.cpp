#include "forms/form_spec.h"

namespace madoguchi::forms {

std::string_view rule_kind_name(CrossFieldRule::Kind kind) {
  switch (kind) {
    case CrossFieldRule::Kind::date_order: return "date_order";
    case CrossFieldRule::Kind::one_of_required: return "one_of_required";
    case CrossFieldRule::Kind::unique: return "unique";
    case CrossFieldRule::Kind::same_value: return "same_value";
  }
  return "date_order";
}

const Section* FormSpec::find_section(std::string_view id) const {
  for (const auto& section : sections) {
    if (section.id == id) return &section;
  }
  return nullptr;
}

const Section* FormSpec::section_of(std::string_view top_level_id) const {
  for (const auto& section : sections) {
    for (const auto& field : section.fields) {
      if (field.id == top_level_id) return &section;
    }
  }
  return nullptr;
}

const Field* FormSpec::find_field(std::string_view path) const {
  const Field* current = nullptr;
  while (!path.empty()) {
    const auto dot = path.find('.');
    std::string_view name = path.substr(0, dot);
    path = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    if (name.size() >= 2 && name.substr(name.size() - 2) == "[]") name.remove_suffix(2);
    const Field* next = nullptr;
    if (!current) {
      for (const auto& section : sections) {
        for (const auto& field : section.fields) {
          if (field.id == name) next = &field;
        }
      }
    } else if (current->type == FieldType::group) {
      next = current->find_child(name);
    }
    if (!next) return nullptr;
    current = next;
  }
  return current;
}

}  // namespace madoguchi::forms
