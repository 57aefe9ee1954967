// Conditional questions on a page that may be used without JavaScript: the
// condition of a question worded for people ("Answer this only if you chose
// “Agent” for “Relationship”."), and the same condition in the small JSON
// form the page script evaluates, naming the page's actual inputs. Pure.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/display_text.h"
#include "forms/condition.h"
#include "forms/form_spec.h"

namespace madoguchi::applications {

// When a condition holds, as a clause: "if you chose “Agent” for “Relationship”".
std::string condition_clause(const forms::Condition& condition, const forms::FormSpec& spec, Language language);

// A sentence telling when to answer the question.
std::string describe_condition(const forms::Condition& condition, const forms::FormSpec& spec, Language language);

// {"all"|"any": [...]}, {"not": {...}}, {"name": "children[1].relation", "op": "equals", "values": ["other"]},
// or {"op": "always"} for conditions the page cannot judge (ages).
nlohmann::json client_condition(const forms::Condition& condition, const std::vector<size_t>& indices);

}  // namespace madoguchi::applications
