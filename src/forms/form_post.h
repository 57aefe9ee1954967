// Turns an HTML form post (application/x-www-form-urlencoded or multipart fields, already
// decoded) into the JSON answers validate() takes, so pages without JavaScript and the JSON API
// share one validation. Names follow the answer paths: "applicant_name", "spouse.name",
// "children[0].birth_date", and repeated names (or "name[]") for checkbox lists.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/form_spec.h"

namespace madoguchi::forms {

struct FormPostOptions {
  // The page posted only this section: its checkboxes that were not ticked become false (or
  // an empty list), so merging the page into a saved draft clears them. Without a section,
  // every section's checkboxes are treated so.
  std::optional<std::string> section_id;
  // Maps the upload id posted for a file field to the upload endpoint's description
  // {"upload_id", "content_type", "size", "filename"}; without it (or when it returns nothing)
  // the answer is {"upload_id": id} and validation reports the upload as incomplete.
  std::function<std::optional<nlohmann::json>(std::string_view upload_id)> resolve_upload;
};

// Rules:
// - names starting with "_" (CSRF token, buttons) are ignored;
// - values stay strings (validation parses numbers and dates); a single checkbox is true when
//   any posted value is other than "", "0", "false" or "off";
// - group item indexes only order the items: gaps are closed, and items whose every value is
//   empty are dropped (blank rows of a page);
// - a name posted twice for a field that takes one value becomes a list, which validation
//   reports as the wrong type; a name that matches no field is kept at the top level under its
//   own name (unless that key is taken), which validation reports as an unknown field.
// The result may hold invalid UTF-8 from the post: give it to validate(), never echo it.
nlohmann::json answers_from_form_post(const FormSpec& spec,
                                      const std::vector<std::pair<std::string, std::string>>& fields,
                                      const FormPostOptions& options = {});

}  // namespace madoguchi::forms
