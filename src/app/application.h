// Application: the one place where modules meet. It opens the database,
// builds each module from the settings, registers their routes on one router
// and runs the HTTP server (with the mailer and the housekeeping that purges
// unclaimed uploads) until SIGTERM.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/readiness.h"
#include "app/startup_gate.h"
#include "app/settings.h"
#include "applications/housekeeping.h"
#include "applications/sql_application_store.h"
#include "applications/submission_service.h"
#include "applications/upload_quota.h"
#include "applications/upload_store.h"
#include "applications/web_routes.h"
#include "booking/booking_module.h"
#include "casework/casework_module.h"
#include "counter/counter_module.h"
#include "identity/identity_module.h"
#include "insight/stats_reader.h"
#include "lifeevents/lifeevents_module.h"
#include "jp/postal.h"
#include "notify/mailer.h"
#include "notify/outbox.h"
#include "notify/smtp_transport.h"
#include "platform/db/database.h"
#include "platform/events.h"
#include "platform/http/rate_limiter.h"
#include "platform/http/router.h"
#include "platform/metrics.h"
#include "platform/web/csrf.h"
#include "platform/web/page_renderer.h"
#include "procedures/catalogue.h"
#include "queue/queue_module.h"

namespace madoguchi::app {

// Modules that own SQL migrations, in the order they are applied.
const std::vector<std::string>& migration_modules();

class Application {
 public:
  // Throws std::runtime_error with a clear message if the database is not
  // migrated or a module cannot start (for example a bad procedure file).
  explicit Application(Settings settings);
  ~Application();

  // Serves until SIGTERM/SIGINT; returns the process exit code.
  int serve();

  booking::BookingModule& booking() { return *booking_; }

 private:
  void register_routes();
  void limit_guessable_routes();

  Settings settings_;
  platform::Metrics metrics_;
  StartupGate gate_;
  std::unique_ptr<platform::db::Database> database_;
  std::unique_ptr<platform::Events> events_;
  notify::Outbox outbox_;
  std::unique_ptr<notify::SmtpTransport> smtp_;
  std::unique_ptr<notify::Mailer> mailer_;
  std::unique_ptr<platform::web::TemplateEngine> templates_;
  std::unique_ptr<platform::web::Messages> messages_;
  std::unique_ptr<platform::web::PageRenderer> pages_;
  std::unique_ptr<platform::web::Csrf> csrf_;
  std::unique_ptr<identity::IdentityModule> identity_;
  std::unique_ptr<procedures::Catalogue> catalogue_;
  std::unique_ptr<jp::PostalDirectory> postal_;
  std::unique_ptr<applications::SqlApplicationStore> applications_;
  std::unique_ptr<applications::UploadStore> uploads_;
  std::unique_ptr<applications::SubmissionService> submissions_;
  std::unique_ptr<applications::ProcedureSearch> search_;
  std::unique_ptr<applications::DraftStore> drafts_;
  std::unique_ptr<applications::AccessAttempts> attempts_;
  std::unique_ptr<applications::UploadQuota> upload_quota_;
  std::unique_ptr<applications::Housekeeping> housekeeping_;
  std::unique_ptr<ReadinessProbe> readiness_;
  std::unique_ptr<applications::StatusGrant> grants_;
  std::unique_ptr<applications::WebDependencies> web_;
  std::unique_ptr<casework::CaseworkModule> casework_;
  std::unique_ptr<counter::CounterModule> counter_;
  std::unique_ptr<lifeevents::LifeEventsModule> lifeevents_;
  std::unique_ptr<insight::StatsReader> stats_;
  std::unique_ptr<booking::BookingModule> booking_;
  std::unique_ptr<queue::QueueModule> queue_;
  std::unique_ptr<platform::http::RateLimiter> attempts_limiter_;
  platform::http::Router router_;
};

}  // namespace madoguchi::app
