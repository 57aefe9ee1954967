// Fills a layout with one intake item's answers: each value's text as the
// paper form wants it — names and addresses exactly as written, a choice as
// its Japanese label, a date in 和暦 (令和8年11月22日), a yes/no box as ✓ — and
// the intake's own sources (today in 和暦, the reference number, the
// individual number when the layout has a box for it and one was read).
// Pure; documents::render_official_form draws the result.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "counter/form_layout.h"
#include "documents/official_form.h"
#include "procedures/procedure.h"

namespace madoguchi::counter {

struct FillSources {
  std::chrono::year_month_day today;
  std::string reference;                         // "" before submission
  std::optional<std::string> individual_number;  // only when revealed for printing
};

documents::FormPage fill_form(const FormLayout& layout, const procedures::Procedure& procedure,
                              const nlohmann::json& answers, const FillSources& sources);

}  // namespace madoguchi::counter
