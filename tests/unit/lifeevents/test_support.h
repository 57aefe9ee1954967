// Shared by the life-event unit tests: the real catalogue and life events, the test clock (the
// day the browser tests live on), effective answers for a form, and a migrated database with the
// stores and services a bundle uses.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "applications/draft_store.h"
#include "applications/sql_application_store.h"
#include "applications/submission_service.h"
#include "applications/upload_store.h"
#include "forms/validation.h"
#include "lifeevents/bundle_service.h"
#include "lifeevents/life_event_loader.h"
#include "platform/crypto.h"
#include "platform/db/database.h"
#include "platform/time.h"
#include "support/scratch.h"
#include "support/real_catalogue.h"
#include "support/test_database.h"

namespace madoguchi::lifeevents::testing {

using madoguchi::testing::real_catalogue;

// 2027-06-15, a Tuesday away from holidays, as in the browser tests.
inline constexpr std::chrono::year_month_day kToday{std::chrono::year{2027}, std::chrono::June, std::chrono::day{15}};

inline void use_test_clock() { platform::set_clock_start(*platform::parse_clock_start("2027-06-15")); }

inline std::chrono::year_month_day days_from_today(int days) {
  return std::chrono::sys_days{kToday} + std::chrono::days{days};
}
inline std::string iso(std::chrono::year_month_day day) { return platform::iso_date(day); }

inline const LifeEvents& real_life_events() {
  static const auto loaded = load_life_events(MADOGUCHI_SOURCE_DIR "/procedures/life_events", real_catalogue());
  for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
  if (!loaded.events) std::abort();
  return *loaded.events;
}

inline const LifeEvent& life_event(const std::string& id) {
  const auto* e = real_life_events().find(id);
  if (!e) std::abort();
  return *e;
}

// The effective answers of a life event's form on kToday (validated, shown ones only).
inline nlohmann::json effective(const LifeEvent& event, const nlohmann::json& answers) {
  forms::ValidationContext context;
  context.today = kToday;
  auto result = forms::validate(event.form.form, answers, context);
  for (const auto& e : result.errors) ADD_FAILURE() << e.path << " " << e.code << " " << e.message.en;
  return result.answers;
}

// A migrated database with the stores and services a bundle works with.
struct Services {
  madoguchi::testing::TestDatabase database;
  platform::db::Database* db;
  std::filesystem::path dir;
  std::unique_ptr<applications::SqlApplicationStore> applications;
  std::unique_ptr<applications::UploadStore> uploads;
  std::unique_ptr<applications::DraftStore> drafts;
  std::unique_ptr<BundleStore> bundles;

  explicit Services(const std::string& name)
      : database({"notify", "applications", "lifeevents"}, name), db(&database.db()) {
    use_test_clock();
    dir = madoguchi::testing::scratch_dir(name);
    applications = std::make_unique<applications::SqlApplicationStore>(*db);
    uploads = std::make_unique<applications::UploadStore>(*db, dir / "uploads");
    drafts = std::make_unique<applications::DraftStore>(*db, std::chrono::hours(24 * 30));
    bundles = std::make_unique<BundleStore>(*db, std::chrono::hours(24 * 30));
  }
};

// A bundle service over one catalogue and its life events (the catalogue may be a changed copy),
// with the counter's answer to which drafts a clerk took in.
struct Service {
  applications::SubmissionService submissions;
  BundleService bundles;
  Service(Services& s, const procedures::Catalogue& catalogue, const LifeEvents& events, TakenIn taken_in = {})
      : submissions(catalogue, *s.applications, *s.uploads, nullptr),
        bundles(events, catalogue, *s.bundles, *s.drafts, submissions, std::move(taken_in)) {}
};

}  // namespace madoguchi::lifeevents::testing
