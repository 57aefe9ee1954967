// Correction requests (補正依頼・差戻し), pure: which questions staff may name
// (the top-level fields of the form, so a repeating group is corrected as a
// whole), checking the names staff chose, the page of only those questions
// for the citizen, and the corrected answers — the current answers with only
// the named fields taken from what the citizen posted. Every other answer is
// kept exactly, so a correction can never change what was not asked for.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/form_spec.h"
#include "procedures/procedure.h"

namespace madoguchi::casework {

inline constexpr size_t kMaxCorrectionMessage = 2000;

struct CorrectableField {
  std::string id;
  const forms::Field* field = nullptr;
  const forms::Section* section = nullptr;
};

// Every top-level field of the form, in form order.
std::vector<CorrectableField> correctable_fields(const procedures::Procedure& procedure);

// The named fields in form order without repeats; `unknown` receives names the form lacks.
std::vector<std::string> checked_field_names(const procedures::Procedure& procedure,
                                             const std::vector<std::string>& names, std::vector<std::string>& unknown);

// One section holding only the named fields (in form order), titled `title`, for the correction page.
forms::Section correction_section(const procedures::Procedure& procedure, const std::vector<std::string>& names,
                                  const forms::LocalizedText& title);

// `current` with each named field replaced by its value in `posted`, or removed when `posted` has none.
nlohmann::json merge_corrected(const nlohmann::json& current, const nlohmann::json& posted,
                               const std::vector<std::string>& names);

// The named fields whose answer differs between `before` and `after`.
std::vector<std::string> changed_fields(const nlohmann::json& before, const nlohmann::json& after,
                                        const std::vector<std::string>& names);

}  // namespace madoguchi::casework
