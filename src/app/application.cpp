#include "app/application.h"

#include <stdexcept>

#include "app/data_dir.h"
#include "app/health.h"
#include "app/migrated_database.h"
#include "applications/api_routes.h"
#include "identity/principal.h"
#include "insight/stats_routes.h"
#include "platform/crypto.h"
#include "platform/db/migrations.h"
#include "platform/db/pg_events.h"
#include "platform/http/rate_limiter.h"
#include "platform/http/security_headers.h"
#include "platform/http/server.h"
#include "platform/http/static_files.h"
#include "platform/log.h"
#include "platform/web/language.h"

namespace madoguchi::app {

const std::vector<std::string>& migration_modules() {
  static const std::vector<std::string> modules = {"platform", "notify",   "identity",   "applications",
                                                   "counter",  "casework", "documents",  "insight",
                                                   "lifeevents", "booking", "queue"};
  return modules;
}

namespace {

std::unique_ptr<procedures::Catalogue> load_catalogue(const std::filesystem::path& dir) {
  auto loaded = procedures::load_catalogue(dir);
  if (!loaded.problems.empty()) {
    std::string message = "the procedure catalogue has problems (run `madoguchi check-procedures " + dir.string() + "`):";
    for (const auto& p : loaded.problems) message += "\n" + p.to_string();
    throw std::runtime_error(message);
  }
  return std::make_unique<procedures::Catalogue>(std::move(*loaded.catalogue));
}

std::unique_ptr<jp::PostalDirectory> load_postal(const std::filesystem::path& file) {
  auto loaded = jp::PostalDirectory::load(file);
  if (!loaded.ok()) throw std::runtime_error(loaded.error().message_en);
  return std::make_unique<jp::PostalDirectory>(std::move(loaded).value());
}

}  // namespace

Application::Application(Settings settings) : settings_(std::move(settings)) {
  if (settings_.database.location.is_postgresql()) {
    database_ = platform::db::open_database(settings_.database, &metrics_);  // checked once it answers (serve)
  } else {
    database_ = open_migrated_database(settings_, &metrics_);
    gate_.set_ready();
  }
  if (settings_.database.location.is_postgresql()) {
    events_ = std::make_unique<platform::db::PgEvents>(*database_, settings_.database.listen_url);
  } else {
    events_ = std::make_unique<platform::InProcessEvents>();
  }
  if (settings_.smtp.configured()) {
    smtp_ = std::make_unique<notify::SmtpTransport>(settings_.smtp);
    mailer_ = std::make_unique<notify::Mailer>(*database_, outbox_, *smtp_,
                                               notify::MailerSettings{settings_.smtp.sender(), {}}, &metrics_);
  }
  templates_ = std::make_unique<platform::web::TemplateEngine>(settings_.web_dir() / "templates");
  messages_ = std::make_unique<platform::web::Messages>(settings_.web_dir() / "i18n");
  pages_ = std::make_unique<platform::web::PageRenderer>(*templates_, *messages_);
  csrf_ = std::make_unique<platform::web::Csrf>(
      platform::crypto::load_or_create_key(settings_.keys_dir() / "csrf.key"), settings_.https(),
      identity::kSessionCookie,
      [](const platform::http::Request& request) { return identity::current_session(request) != nullptr; });
  identity_ = std::make_unique<identity::IdentityModule>(
      *database_, outbox_, *pages_, identity::IdentitySettings{settings_.keys_dir(), settings_.public_url, settings_.https(), "/account"});
  catalogue_ = load_catalogue(settings_.procedures_dir());
  postal_ = load_postal(settings_.postal_table());
  applications_ = std::make_unique<applications::SqlApplicationStore>(*database_);
  uploads_ = std::make_unique<applications::UploadStore>(*database_, settings_.uploads_dir(), settings_.upload_storage);
  submissions_ = std::make_unique<applications::SubmissionService>(*catalogue_, *applications_, *uploads_, postal_.get());
  submissions_->send_confirmations(outbox_, settings_.public_url);
  submissions_->audit_entries(identity_->audit());
  search_ = std::make_unique<applications::ProcedureSearch>(*catalogue_);
  drafts_ = std::make_unique<applications::DraftStore>(*database_, settings_.draft_lifetime);
  attempts_ = std::make_unique<applications::AccessAttempts>(*database_);
  upload_quota_ = std::make_unique<applications::UploadQuota>(*attempts_, settings_.uploads_per_client_per_hour);
  housekeeping_ = std::make_unique<applications::Housekeeping>(*uploads_, *drafts_, settings_.housekeeping);
  readiness_ = std::make_unique<ReadinessProbe>(*database_, settings_.data_dir);
  grants_ = std::make_unique<applications::StatusGrant>(
      platform::crypto::load_or_create_key(settings_.keys_dir() / "status.key"));
  web_ = std::make_unique<applications::WebDependencies>(applications::WebDependencies{
      *catalogue_, *search_, *submissions_, *applications_, *uploads_, *upload_quota_, *drafts_, *attempts_, *grants_,
      outbox_, *database_, *pages_, identity_->access(), identity_->audit(), settings_.public_url, settings_.https()});
  casework_ = std::make_unique<casework::CaseworkModule>(
      casework::CaseworkDependencies{*database_, *applications_, *uploads_, *upload_quota_, *attempts_, *submissions_,
                                     *grants_, *catalogue_, *identity_, *pages_},
      casework::CaseworkSettings{settings_.keys_dir(), settings_.public_url});
  counter_ = std::make_unique<counter::CounterModule>(
      *web_, *identity_,
      counter::CounterSettings{settings_.keys_dir(), settings_.procedures_dir() / "forms", settings_.card_bridge_url,
                               settings_.pre_entry_lifetime});
  stats_ = std::make_unique<insight::StatsReader>(*database_, *catalogue_);
  lifeevents_ = std::make_unique<lifeevents::LifeEventsModule>(*web_, *identity_, *counter_, settings_.procedures_dir());
  web_->resume_elsewhere = [this](const std::string& code, const platform::http::Request& request) {
    return lifeevents_->resume(code, request);
  };
  booking_ = std::make_unique<booking::BookingModule>(
      *database_, outbox_, *pages_, *identity_,
      booking::BookingModuleSettings{settings_.offices_file(), settings_.keys_dir(), settings_.public_url});
  queue_ = std::make_unique<queue::QueueModule>(
      *database_, outbox_, *events_, booking_->service(), *pages_, *identity_,
      queue::QueueModuleSettings{settings_.keys_dir(), settings_.public_url, settings_.https()});
  register_routes();
}

Application::~Application() = default;

void Application::register_routes() {
  register_health_routes(router_, gate_, *readiness_, metrics_);
  identity_->register_routes(router_);
  applications::register_api_routes(router_, {*catalogue_, *submissions_, *applications_, *uploads_, *upload_quota_,
                                              postal_.get(), settings_.source_root / "docs/api/openapi.json"});
  applications::register_web_routes(router_, *web_);
  lifeevents_->register_routes(router_);
  casework_->register_routes(router_);
  counter_->register_routes(router_);
  insight::register_stats_routes(router_, *stats_);
  booking_->register_routes(router_);
  queue_->register_routes(router_);
  limit_guessable_routes();
  router_.get("/static/{path*}",
              platform::http::static_files({
                  {"/static/vendor/design-tokens", settings_.node_modules_dir() / "@digital-go-jp/design-tokens/dist"},
                  {"/static/vendor/jsqr", settings_.node_modules_dir() / "jsqr/dist"},
                  {"/static", settings_.web_dir() / "static"},
              }));
}

// Sign-in, status look-ups by secret and e-mail sending can be abused by
// trying again and again: each allows settings_.attempts_per_minute per client
// address (accounts also lock, and look-ups count failures, on their own).
void Application::limit_guessable_routes() {
  static const std::pair<const char*, const char*> kRoutes[] = {
      {"POST", "/staff/login"},       {"POST", "/staff/login/code"},
      {"POST", "/account/login"},
      {"POST", "/account/register"},  {"POST", "/account/forgot"},
      {"POST", "/account/reset"},     {"POST", "/status"},
      {"POST", "/resume"},            {"POST", "/apply/{draft}/saved/email"},
      {"POST", "/staff/counter/intakes"},
      {"GET", "/api/v1/applications/{reference}"},
  };
  attempts_limiter_ = std::make_unique<platform::http::RateLimiter>(*database_, settings_.attempts_per_minute,
                                                                     std::chrono::seconds(60));
  for (const auto& [method, pattern] : kRoutes) {
    router_.wrap(method, pattern, [this](platform::http::Handler handler) {
      return platform::http::rate_limited(*attempts_limiter_, std::move(handler));
    });
  }
}

int Application::serve() {
  warn_if_open(settings_.data_dir, settings_.database_path());
  platform::http::Server server(settings_.server, router_, metrics_);
  server.use(platform::http::security_headers({settings_.card_bridge_url}));
  server.use(platform::web::language_middleware(settings_.https()));
  server.use(csrf_->middleware());
  server.use(identity_->middleware());
  server.set_error_renderer(
      [this](const platform::http::Request& request, const platform::http::HttpError& error) {
        return pages_->error(request, error);
      });
  if (!gate_.ready()) gate_.check_now(settings_);
  if (mailer_) mailer_->start();
  housekeeping_->start();
  booking_->start_jobs();
  server.start();
  int exit_code = 0;
  if (!gate_.ready()) {
    gate_.wait_for_database(settings_, [&server, &exit_code](const std::string&) {
      exit_code = 1;
      server.stop();
    });
  }
  if (settings_.server.port == 0 && settings_.public_url.ends_with(":0")) {
    platform::log::warn("public_url_unset", {{"message", "public_url is not set and the port is chosen at random: links in "
                                                         "e-mail and the QR codes on notices will not work"}});
  }
  server.run_until_signal();
  gate_.stop();
  housekeeping_->stop();
  booking_->stop_jobs();
  if (mailer_) mailer_->stop();
  database_->stop();
  return exit_code;
}

}  // namespace madoguchi::app
