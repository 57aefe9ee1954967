// Answer once: the answers each procedure of a bundle starts with. The item's prefill links copy
// the shared answers (and fixed values) into the procedure's form; then the procedures' own
// once-only links (prefill.from in their definitions) fill what they can from the answers
// prepared for the other procedures of the same bundle. The top-level answers filled so are
// "given": the procedure's form does not ask them again while they are valid. Pure.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lifeevents/plan.h"

namespace madoguchi::lifeevents {

struct PreparedAnswers {
  nlohmann::json answers = nlohmann::json::object();
  std::vector<std::string> given;  // top-level ids filled from the shared answers
};

// For each applicable procedure of `plan`, by procedure id; `shared` are the effective shared
// answers, `today` decides ages in the conditions of repeating-group links.
std::map<std::string, PreparedAnswers> prepare_answers(const Plan& plan, const nlohmann::json& shared,
                                                       std::chrono::year_month_day today);

}  // namespace madoguchi::lifeevents
