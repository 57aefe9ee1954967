// The JSON form of a FormSpec that the API serves and the browser mirrors as hints: sections,
// fields with their answer paths, types, labels, limits, options and conditions, and the
// cross-field rules. The format ("madoguchi.form/1") is documented in docs/procedures.md;
// fields are only ever added to it.
#pragma once

#include <nlohmann/json.hpp>

#include "forms/condition.h"
#include "forms/form_spec.h"

namespace madoguchi::forms {

inline constexpr const char* kSpecJsonFormat = "madoguchi.form/1";

nlohmann::json spec_to_json(const FormSpec& spec);

// One condition as it appears in the spec JSON and in YAML, plus the resolved "path".
nlohmann::json condition_to_json(const Condition& condition);

}  // namespace madoguchi::forms
