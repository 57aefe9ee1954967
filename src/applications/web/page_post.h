// A form page as posted (urlencoded, or multipart when it has file inputs):
// the answer fields, the files chosen, and the page's own controls — which
// button was pressed (_action), the form version the page was drawn for
// (_version), whether to return to the check page (_return), attached files
// to remove (_remove_file). Malformed multipart bodies throw HttpError 400.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/form_spec.h"
#include "platform/http/request.h"
#include "platform/http/url.h"

namespace madoguchi::applications {

struct PostedFile {
  std::string name;  // the input's name: the answer path
  std::string filename;
  std::string content_type;  // as the browser declared it (not trusted)
  std::string data;
};

struct PagePost {
  platform::http::FormFields fields;
  std::vector<PostedFile> files;
  std::string action = "continue";  // continue, save, add:PATH, remove:PATH:INDEX
  std::optional<int> version;
  bool return_to_check = false;
  std::vector<std::string> remove_files;
};

PagePost read_page_post(const platform::http::Request& request);

// "children[2].certificate" → "children[].certificate".
std::string path_pattern(std::string_view concrete_path);
// "children[2].certificate" → {2}.
std::vector<size_t> path_indices(std::string_view concrete_path);

// For an "add:PATH" or "remove:PATH:INDEX" action: adds an entry to, or removes one from, the
// repeating group at PATH on `section` (keeping the blank rows the page showed); false if the
// action names no repeating group of that page.
bool change_repeat_entries(const forms::FormSpec& form, const forms::Section& section, const PagePost& post,
                           nlohmann::json& answers);

}  // namespace madoguchi::applications
