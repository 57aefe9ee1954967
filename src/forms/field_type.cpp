#include "forms/field_type.h"

#include <array>
#include <utility>

namespace madoguchi::forms {

namespace {

constexpr std::array<std::pair<FieldType, std::string_view>, 14> kNames{{
    {FieldType::text, "text"},
    {FieldType::katakana, "katakana"},
    {FieldType::name, "name"},
    {FieldType::email, "email"},
    {FieldType::phone, "phone"},
    {FieldType::postal_code, "postal_code"},
    {FieldType::address, "address"},
    {FieldType::date, "date"},
    {FieldType::number, "number"},
    {FieldType::select, "select"},
    {FieldType::radio, "radio"},
    {FieldType::checkbox, "checkbox"},
    {FieldType::file, "file"},
    {FieldType::group, "group"},
}};

constexpr std::array<FieldType, 14> kAll{
    FieldType::text,   FieldType::katakana, FieldType::name,  FieldType::email,
    FieldType::phone,  FieldType::postal_code, FieldType::address, FieldType::date,
    FieldType::number, FieldType::select,   FieldType::radio, FieldType::checkbox,
    FieldType::file,   FieldType::group};

}  // namespace

std::string_view field_type_name(FieldType type) {
  for (const auto& [t, name] : kNames) {
    if (t == type) return name;
  }
  return "text";
}

std::optional<FieldType> field_type_from_name(std::string_view name) {
  for (const auto& [t, n] : kNames) {
    if (n == name) return t;
  }
  return std::nullopt;
}

std::span<const FieldType> all_field_types() { return kAll; }

bool is_text_like(FieldType type) {
  switch (type) {
    case FieldType::text:
    case FieldType::katakana:
    case FieldType::name:
    case FieldType::email:
    case FieldType::phone:
    case FieldType::postal_code:
    case FieldType::address:
    case FieldType::date:
      return true;
    default:
      return false;
  }
}

bool is_choice(FieldType type) {
  return type == FieldType::select || type == FieldType::radio || type == FieldType::checkbox;
}

}  // namespace madoguchi::forms
