// The kinds of field a form can hold and their stable names as written in YAML and served in the
// JSON spec ("text", "katakana", …). Each kind decides which JSON value an answer takes and how
// it is checked and normalised (see field_value.h).
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace madoguchi::forms {

enum class FieldType {
  text,         // free text, kept as typed (optionally multi-line, with a pattern)
  katakana,     // フリガナ: hiragana and half-width kana become full-width katakana
  name,         // a person's name, kept byte for byte as typed (髙, 﨑, 𠮷 …)
  email,        // an e-mail address; full-width letters become ASCII, the domain lower-case
  phone,        // a Japanese phone number, normalised with hyphens (022-214-1111)
  postal_code,  // 〒 NNN-NNNN, optionally looked up in the postal directory
  address,      // a Japanese address; width and spaces normalised
  date,         // 和暦 or Western, stored as ISO 8601 (2026-11-22)
  number,       // a JSON number (or a numeric string), stored as a number
  select,       // one value from a list (drop-down)
  radio,        // one value from a list (radio buttons)
  checkbox,     // with options: a list of values; without: true or false
  file,         // an uploaded file described by the upload endpoint
  group,        // a set of fields; repeating (a list of objects) or not (one object)
};

// The YAML/JSON name of `type`.
std::string_view field_type_name(FieldType type);

// The type named `name`, or nothing when no type has that name.
std::optional<FieldType> field_type_from_name(std::string_view name);

// Every type, in the order of the enum (for messages listing the choices).
std::span<const FieldType> all_field_types();

// Whether an answer of this type is a string typed by a person (text, katakana, name, email,
// phone, postal_code, address, date).
bool is_text_like(FieldType type);

// select, radio or checkbox.
bool is_choice(FieldType type);

}  // namespace madoguchi::forms
