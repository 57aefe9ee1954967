// The model of one page (section) of a form for the page template: every
// question with its label, hint, example, the answer as entered, its error
// and the ids that tie them together (aria-describedby), choices with their
// state, repeating groups as numbered entries with add and remove buttons,
// files already attached, and the error summary in page order linking to
// each question. Questions whose condition reads answers on other pages are
// decided here; those whose condition reads this page are always rendered,
// worded for people ("Answer this only if …") and marked for the page
// script, so the page works with JavaScript off. Answers given once
// elsewhere (a one-stop bundle) and still valid are not asked again: they
// are listed by label, and conditions on them are decided here. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/display_text.h"
#include "applications/form_state.h"
#include "forms/field_error.h"
#include "procedures/procedure.h"

namespace madoguchi::applications {

// The HTML id of a question's input: "children[1].name" → "f-children-1-name".
std::string field_html_id(std::string_view concrete_path);

struct FormPageInput {
  const procedures::Procedure& procedure;
  const forms::Section& section;
  const FormState& state;                       // for conditions on answers of other pages
  const nlohmann::json& answers;                // as entered: what the inputs show
  const std::vector<forms::FieldError>& errors;  // this page's
  Language language = Language::ja;
  // Top-level ids of answers given elsewhere that this page does not ask again.
  const std::vector<std::string>* settled = nullptr;
};

// {"fields": [...], "error_summary": [{"href", "message"}], "has_files", "has_repeats",
//  "given": [labels of the settled answers on this page]}.
nlohmann::json form_page_model(const FormPageInput& input);

}  // namespace madoguchi::applications
