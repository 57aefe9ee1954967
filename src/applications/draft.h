// Draft (下書き): a web application in progress — the answers as last
// entered, for one version of one procedure's form, owned by the browser
// that holds its token (and by a citizen account when one was signed in).
// A draft prepared by a one-stop bundle also knows which answers were given
// there once for all its procedures (the form asks only what is left) and
// the page the journey returns to.
// Plain data; DraftStore keeps it, draft_rules.h decides about it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace madoguchi::applications {

struct Draft {
  int64_t id = 0;
  std::string public_id;  // names the draft in URLs; grants nothing on its own
  std::string procedure_id;
  int procedure_version = 0;     // the form version the answers were entered for
  std::string channel = "online";  // online, or counter (pre-entry, finished at the counter)
  nlohmann::json answers = nlohmann::json::object();
  std::vector<std::string> completed_sections;  // pages passed with valid answers
  std::vector<std::string> given_fields;  // top-level answers given elsewhere, not asked again unless wrong
  std::string return_to;                  // the local page the journey started from ("" for a lone draft)
  std::optional<int64_t> citizen_account_id;
  std::optional<int64_t> application_id;  // set once submitted
  std::optional<std::string> reference;   // the application's reference, once submitted
  std::string created_at;
  std::string updated_at;
  std::string expires_at;
};

}  // namespace madoguchi::applications
