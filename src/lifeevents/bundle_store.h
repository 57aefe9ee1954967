// BundleStore: bundles in the life_event_bundles table and the drafts each prepared. A bundle is
// opened by its public id together with the browser's token (only its SHA-256 is stored); saving
// pushes the expiry back; a resume code is single-use and moves the bundle to a new browser.
// Expired bundles lose their answers when purged. Every write is one conditional statement or
// one transaction, safe with several writers.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "lifeevents/bundle.h"
#include "platform/db/database.h"
#include "platform/time.h"

namespace madoguchi::lifeevents {

struct OpenedBundle {
  Bundle bundle;
  std::string token;
};

class BundleStore {
 public:
  using Now = std::function<platform::Clock::time_point()>;
  BundleStore(platform::db::Database& database, std::chrono::seconds lifetime, Now clock = {});

  OpenedBundle create(const std::string& event_id, int event_version, std::optional<int64_t> citizen_account_id);
  std::optional<Bundle> find(std::string_view public_id) const;
  std::optional<Bundle> find_by_reference(std::string_view reference) const;
  bool token_matches(int64_t bundle_id, std::string_view token) const;

  // Stores the answers, the pages passed, the confirmed event date and the definition version
  // they were given for; pushes the expiry back and links the account when one is given.
  void save(int64_t bundle_id, const nlohmann::json& answers, const std::vector<std::string>& completed_sections,
            const std::string& confirmed_event_date, int event_version, std::optional<int64_t> citizen_account_id);
  // Records (or replaces) the draft prepared for a procedure of the list, with the answers last
  // written into it from the shared ones.
  void link_draft(int64_t bundle_id, const std::string& procedure_id, const std::string& draft_public_id,
                  bool form_changed, const nlohmann::json& prepared);

  std::string issue_resume_code(int64_t bundle_id);
  bool resume_code_matches(int64_t bundle_id, std::string_view code) const;
  std::optional<Bundle> find_by_resume_code(std::string_view code) const;
  // A new browser token; the resume code is spent.
  std::string move_to_new_browser(int64_t bundle_id);

  // Empties the answers of expired bundles and forgets their resume codes.
  size_t purge_expired();

  std::chrono::seconds lifetime() const { return lifetime_; }
  platform::Clock::time_point now() const { return clock_(); }

 private:
  std::optional<Bundle> find_where(std::string_view condition, const std::string& value) const;

  platform::db::Database& db_;
  std::chrono::seconds lifetime_;
  Now clock_;
};

}  // namespace madoguchi::lifeevents
