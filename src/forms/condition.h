// Conditions decide whether a section or field is shown (visible_if) and whether a choice may be
// picked (available_if). A condition reads other answers through FieldRef, resolved when the
// spec is built; a field that is hidden or unanswered counts as absent.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/date_rules.h"
#include "forms/field_type.h"

namespace madoguchi::forms {

// A reference from a condition to a field. Names are looked up in the scope of the thing the
// condition belongs to, then in each enclosing scope (a repeating group item, then the form),
// so a child's field can refer to a sibling ("relationship") or to a form-level field
// ("applicant_birth_date"). Dots descend into non-repeating groups ("spouse.income").
struct FieldRef {
  std::string written;             // as in the definition
  int up = 0;                      // enclosing scopes climbed before descending
  std::vector<std::string> names;  // ids descended from that scope
  std::string path;                // the answer path pattern, "children[].relationship"
  FieldType type = FieldType::text;
};

struct Condition {
  enum class Op {
    all,           // every operand holds
    any,           // at least one operand holds
    negate,        // the operand does not hold ("not" in YAML)
    equals,        // the answer equals values[0]
    not_equals,    // absent, or different from values[0]
    in,            // the answer is one of values
    not_in,        // absent, or none of values
    answered,      // the answer is present (`answered: true`)
    not_answered,  // the answer is absent (`answered: false`)
    contains,      // a checkbox list includes values[0]
    age_at_least,  // a date answer is a birth date at least `age` years ago (on `age_on`)
    age_below,     // … less than `age` years ago
  };

  Op op = Op::answered;
  std::vector<Condition> operands;      // all, any, negate
  FieldRef field;                       // comparisons
  std::vector<nlohmann::json> values;   // typed like the field's normalised answers
  int age = 0;                          // age_at_least, age_below
  AgeBasis age_on = AgeBasis::today;
  int line = 0;                         // 1-based line in the definition
};

// The YAML/JSON key of a comparison operator ("equals", "age_at_least" …) or of a combinator
// ("all", "any", "not").
std::string_view condition_op_name(Condition::Op op);

// Returns the effective normalised answer for a reference, or nullptr when it is absent (not
// answered, invalid or hidden).
using AnswerLookup = std::function<const nlohmann::json*(const FieldRef&)>;

// Evaluates `condition`. Age comparisons need `today`; without it they hold (the field is shown
// rather than silently dropped).
bool evaluate(const Condition& condition, const AnswerLookup& lookup,
              std::optional<std::chrono::year_month_day> today);

// Calls `visit` for every FieldRef in `condition`, operands included.
void for_each_reference(const Condition& condition,
                        const std::function<void(const FieldRef&)>& visit);

}  // namespace madoguchi::forms
