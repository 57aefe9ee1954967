// Server-side validation of answers against a FormSpec: one function for JSON from the API and
// for HTML form posts (after answers_from_form_post). It never throws on any input; it returns
// the normalised answers of the fields that are shown, and one FieldError per problem, each
// naming the answer's path. Hidden fields (visible_if false) are dropped without complaint.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/field_error.h"
#include "forms/form_spec.h"

namespace madoguchi::jp {
class PostalDirectory;
}

namespace madoguchi::forms {

struct ValidationContext {
  // Today in Japan. Needed for relative date limits ("today-18y") and ages; without it those
  // limits are not checked and age conditions hold.
  std::optional<std::chrono::year_month_day> today;
  // When set, postal codes must exist in it; otherwise only their format is checked.
  const jp::PostalDirectory* postal_directory = nullptr;
  // Errors beyond this many are summarised by one "too_many_errors" entry.
  std::size_t max_errors = 100;
};

struct ValidationResult {
  // Normalised answers: katakana full-width, dates "YYYY-MM-DD", phones "022-214-1111", postal
  // codes "980-8671", numbers as JSON numbers, e-mail domains lower-case, names byte for byte as
  // sent; a single checkbox that is shown but not ticked is false. Only fields that are shown.
  nlohmann::json answers = nlohmann::json::object();
  std::vector<FieldError> errors;
  // Not errors: things staff may need to check, such as name characters outside JIS X 0208.
  std::vector<FieldError> warnings;

  bool ok() const { return errors.empty(); }
};

// Validates the whole form. `answers` should be a JSON object keyed by top-level field id.
// Errors: unknown fields, missing required answers, wrong JSON types, values out of their
// limits, options not offered, cross-field rules broken.
ValidationResult validate(const FormSpec& spec, const nlohmann::json& answers,
                          const ValidationContext& context = {});

// Validates only the fields of section `section_id` (one page of a multi-page flow), with the
// same messages. `answers` may hold the other sections' answers too: conditions and cross-field
// rules read them, but only this section's answers and errors are returned. An unknown section
// gives one "unknown_section" error.
ValidationResult validate_section(const FormSpec& spec, std::string_view section_id,
                                  const nlohmann::json& answers,
                                  const ValidationContext& context = {});

}  // namespace madoguchi::forms
