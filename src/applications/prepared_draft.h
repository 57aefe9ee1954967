// Drafts a one-stop bundle prepares start with answers given once for all its procedures. An
// answer given so is "settled" while it is valid: the form does not ask it again, and a page
// whose shown questions are all settled asks nothing and is passed over. Pure.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/form_state.h"
#include "forms/validation.h"
#include "procedures/procedure.h"

namespace madoguchi::applications {

// The top-level answers of `section` listed in `given` that are valid in `answers`.
std::vector<std::string> settled_fields(const procedures::Procedure& procedure, const forms::Section& section,
                                        const nlohmann::json& answers, const std::vector<std::string>& given,
                                        const forms::ValidationContext& context);

// Whether every question `state` shows on `section` is settled.
bool asks_nothing(const procedures::Procedure& procedure, const FormState& state, const forms::Section& section,
                  const nlohmann::json& answers, const std::vector<std::string>& given,
                  const forms::ValidationContext& context);

// The ids of the shown sections that ask nothing, in form order.
std::vector<std::string> sections_asking_nothing(const procedures::Procedure& procedure, const nlohmann::json& answers,
                                                 const std::vector<std::string>& given,
                                                 const forms::ValidationContext& context);

}  // namespace madoguchi::applications
