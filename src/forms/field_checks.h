// Checks one answer of a field that is not a group, by its type, and normalises it. The caller
// (validation.cpp) decides whether the field is shown and whether a missing answer is an error;
// this only says whether something was answered, and if so whether it is acceptable.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/field.h"
#include "forms/field_error.h"
#include "forms/printable.h"
#include "forms/validation.h"

namespace madoguchi::forms {

struct FieldOutcome {
  bool answered = false;                 // not null, not blank, not an empty list
  std::optional<nlohmann::json> value;   // the normalised answer when answered and acceptable
  std::vector<FieldError> errors;
  std::vector<FieldError> warnings;
};

FieldOutcome check_field_value(const Field& field, const nlohmann::json& raw,
                               const std::string& path, const ValidationContext& context);

// A JSON value shown inside a message: short, valid UTF-8, quoted ("\"abc\"", "12", "{…}").
std::string describe_json_value(const nlohmann::json& value);

}  // namespace madoguchi::forms
