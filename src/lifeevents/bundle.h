// Bundle: one citizen's one-stop list for one life event — the answers to its questionnaire and
// shared questions as last entered, for one version of its definition, owned by the browser that
// holds its token (and by a citizen account when one was signed in), with the drafts it prepared
// for the procedures on the list. Plain data; BundleStore keeps it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace madoguchi::lifeevents {

struct BundleDraft {
  std::string procedure_id;
  std::string draft_public_id;
  bool form_changed = false;  // the procedure's form changed while the citizen was filling it in
  nlohmann::json prepared = nlohmann::json::object();  // the answers last written into it from the shared ones
};

struct Bundle {
  int64_t id = 0;
  std::string public_id;
  std::string reference;  // MDG-XXXX-XXXX: the visit at the counter, the staff view
  std::string event_id;
  int event_version = 0;
  nlohmann::json answers = nlohmann::json::object();
  std::vector<std::string> completed_sections;
  std::string confirmed_event_date;  // ISO; an unusual event date confirmed as right
  std::optional<int64_t> citizen_account_id;
  std::vector<BundleDraft> drafts;
  std::string created_at;
  std::string updated_at;
  std::string expires_at;

  const BundleDraft* draft_for(const std::string& procedure_id) const;
};

}  // namespace madoguchi::lifeevents
