// One field of a form as defined in YAML: its id, type, labels, whether it is required, when it
// is shown, the limits its answer must meet, its choices, its child fields when it is a group,
// and where its answer may be prefilled from (the My Number card or an earlier procedure).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "forms/condition.h"
#include "forms/date_rules.h"
#include "forms/field_type.h"
#include "forms/localized_text.h"

namespace madoguchi::forms {

struct Option {
  std::string value;                       // stored in answers; snake_case
  LocalizedText label;
  std::optional<Condition> available_if;   // the choice may only be picked when this holds
  std::optional<std::int64_t> fee_yen;     // fee for this choice, when it has one
};

// The basic four items (基本4情報) written on the My Number card and readable with its
// 券面事項入力補助AP.
enum class CardItem { name, address, birth_date, sex };

std::string_view card_item_name(CardItem item);
std::optional<CardItem> card_item_from_name(std::string_view name);

// Once-only (ワンスオンリー): this field may take the answer the same person gave to `field`
// (a dotted path) of procedure `procedure`.
struct PrefillSource {
  std::string procedure;
  std::string field;
  int line = 0;
};

struct Prefill {
  std::optional<CardItem> card;
  std::vector<PrefillSource> from;
  bool empty() const { return !card && from.empty(); }
};

struct Field {
  std::string id;  // snake_case, unique among its siblings (and form-wide at the top level)
  FieldType type = FieldType::text;
  LocalizedText label;
  LocalizedText help;  // may be empty
  bool required = false;
  std::optional<Condition> visible_if;

  // text, katakana, name, email, phone, address: lengths in characters (code points).
  std::size_t min_length = 0;
  std::size_t max_length = 0;     // always set by the loader (a type default when not written)
  std::string pattern;            // ECMAScript; the whole normalised text must match
  std::shared_ptr<const std::regex> compiled_pattern;  // set by the loader; compiled once
  LocalizedText pattern_hint;     // what the pattern wants, for the message ("半角数字7桁")
  bool multiline = false;         // text only

  // number
  std::optional<double> min;
  std::optional<double> max;
  int decimals = 0;               // digits allowed after the point; 0 means integers
  LocalizedText unit;             // shown beside the input ("円", "人")

  // date
  std::optional<DateBound> earliest;
  std::optional<DateBound> latest;
  std::optional<int> min_age;     // the date is a birth date: age on `age_on` at least this
  std::optional<int> max_age;     // … and at most this
  AgeBasis age_on = AgeBasis::today;

  // select, radio, checkbox (a checkbox without options is a single yes/no box)
  std::vector<Option> options;
  std::size_t min_choices = 0;    // checkbox with options
  std::size_t max_choices = 0;    // 0: no limit beyond the number of options

  // file
  std::vector<std::string> accept;  // content types, e.g. "application/pdf", "image/jpeg"
  std::uint64_t max_bytes = 0;      // always set for files

  // group
  std::vector<Field> fields;
  bool repeat = false;            // a list of items rather than one object
  std::size_t min_items = 0;
  std::size_t max_items = 0;      // always set for repeating groups
  LocalizedText item_label;       // "子ども", numbered in the UI

  Prefill prefill;
  int line = 0;  // 1-based line of the field's definition

  const Option* find_option(std::string_view value) const;
  const Field* find_child(std::string_view child_id) const;
};

}  // namespace madoguchi::forms
