// The answers of a form as people read them: every shown question of every
// shown page with its answer worded in the reader's language (choices by
// their labels, dates in 和暦 with the Western year, files by name, numbers
// with their unit), repeating groups as one block per entry, and each
// validation error next to the question it concerns. Used by the "check
// your answers" page, the receipt PDF and the status page. Pure.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/display_text.h"
#include "applications/form_state.h"
#include "forms/field_error.h"

namespace madoguchi::applications {

struct SummaryRow {
  std::string label;
  std::string value;  // empty when not answered
  std::string path;   // the concrete answer path, e.g. "children[1].birth_date"
  std::string error;  // the validation message, if the answer is wrong
};

struct SummaryBlock {
  std::string title;  // empty for a page's own questions; "子ども 2" for an entry
  std::vector<SummaryRow> rows;
};

struct SummarySection {
  std::string id;
  std::string title;
  std::vector<SummaryBlock> blocks;
};

// One answer worded for people (a file as "name.pdf (1.2 MB)", a single
// checkbox as はい／いいえ).
std::string display_value(const forms::Field& field, const nlohmann::json& value, Language language);

// `raw` (the answers as typed) supplies the text shown beside an error when
// the answer was not accepted; `errors` are matched to rows by path.
std::vector<SummarySection> summarize(const FormState& state, const nlohmann::json& raw,
                                      const std::vector<forms::FieldError>& errors, Language language);

}  // namespace madoguchi::applications
