#include "app/settings.h"

#include <cstdlib>
#include <sstream>

#include "platform/config_source.h"
#include "platform/http/client_address.h"

namespace madoguchi::app {

namespace {

// "10.0.0.5, 10.0.0.6" → each address, checked.
std::vector<std::string> trusted_proxies(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream stream(list);
  for (std::string item; std::getline(stream, item, ',');) {
    auto first = item.find_first_not_of(" \t");
    if (first == std::string::npos) continue;
    item = item.substr(first, item.find_last_not_of(" \t") - first + 1);
    if (!platform::http::is_ip_address(item)) {
      throw platform::ConfigError("server.trusted_proxies: \"" + item + "\" is not an IP address");
    }
    out.push_back(item);
  }
  return out;
}

}  // namespace

Settings load_settings(const CommandLineOverrides& overrides) {
  std::optional<std::filesystem::path> file = overrides.config_file;
  if (!file) {
    if (const char* env = std::getenv("MADOGUCHI_CONFIG"); env && *env) file = env;
  }
  auto source = platform::ConfigSource::load(file);
  Settings s;
  s.data_dir = source.get_string("data_dir", "var");
  s.source_root = source.get_string("paths.source_root", MADOGUCHI_SOURCE_DIR);
  s.build_dir = source.get_string("paths.build_dir", MADOGUCHI_BUILD_DIR);
  s.public_url = source.get_string("public_url", "");

  auto& http = s.server;
  http.host = source.get_string("server.host", http.host);
  http.port = static_cast<uint16_t>(source.get_int("server.port", http.port, 0, 65535));
  http.io_threads = static_cast<size_t>(source.get_int("server.io_threads", 0, 0, 256));
  http.workers = static_cast<size_t>(source.get_int("server.workers", static_cast<int64_t>(http.workers), 1, 4096));
  http.max_header_bytes =
      static_cast<size_t>(source.get_int("server.max_header_bytes", static_cast<int64_t>(http.max_header_bytes), 1024, 1 << 20));
  http.max_body_bytes =
      static_cast<size_t>(source.get_int("server.max_body_bytes", static_cast<int64_t>(http.max_body_bytes), 1024, 1 << 30));
  http.request_timeout = std::chrono::seconds(source.get_int("server.request_timeout_seconds", 30, 1, 3600));
  http.idle_timeout = std::chrono::seconds(source.get_int("server.idle_timeout_seconds", 15, 1, 3600));
  http.shutdown_grace = std::chrono::seconds(source.get_int("server.shutdown_grace_seconds", 20, 0, 3600));
  http.trusted_proxies = trusted_proxies(source.get_string("server.trusted_proxies", ""));
  http.max_connections =
      static_cast<size_t>(source.get_int("server.max_connections", static_cast<int64_t>(http.max_connections), 1, 1000000));
  s.attempts_per_minute = static_cast<int>(source.get_int("server.attempts_per_minute", 30, 1, 100000));

  s.database.location.url = source.get_string("database.url", "");
  if (!s.database.location.url.empty() && !s.database.location.url.starts_with("postgresql://") &&
      !s.database.location.url.starts_with("postgres://")) {
    throw platform::ConfigError("database.url: only postgresql://… is supported (leave it unset for the embedded SQLite)");
  }
  s.database.max_batch = static_cast<size_t>(source.get_int("database.max_batch", 256, 1, 100000));
  s.database.busy_timeout_ms = static_cast<int>(source.get_int("database.busy_timeout_ms", 5000, 0, 600000));
  s.database.pool_size = static_cast<size_t>(source.get_int("database.pool_size", 16, 1, 1000));
  s.database.acquire_timeout = std::chrono::milliseconds(source.get_int("database.acquire_timeout_ms", 10000, 100, 600000));
  s.database.prepare_statements = source.get_bool("database.prepare_statements", true);
  s.database.listen_url = source.get_string("database.listen_url", s.database.location.url);
  s.database.statement_timeout_ms =
      static_cast<int>(source.get_int("database.statement_timeout_ms", 25000, 100, 3600000));

  s.log.level = source.get_string("log.level", s.log.level);
  s.log.destination = source.get_string("log.destination", s.log.destination);
  s.log.access = source.get_string("log.access", s.log.access);

  s.smtp.url = source.get_string("smtp.url", "");
  s.smtp.from = source.get_string("smtp.from", "noreply@madoguchi.invalid");
  s.smtp.from_name = source.get_string("smtp.from_name", "仙台市 オンライン窓口");
  s.smtp.username = source.get_string("smtp.username", "");
  s.smtp.password = source.get_string("smtp.password", "");
  s.smtp.timeout = std::chrono::seconds(source.get_int("smtp.timeout_seconds", 30, 1, 600));
  try {
    s.smtp.starttls = notify::parse_starttls(source.get_string("smtp.starttls", "required"));
    if (s.smtp.configured()) s.smtp.validate();
  } catch (const std::invalid_argument& e) {
    throw platform::ConfigError(e.what());
  }

  const std::string storage =
      source.get_string("uploads.storage", s.database.location.is_postgresql() ? "database" : "files");
  if (storage != "files" && storage != "database") {
    throw platform::ConfigError("uploads.storage: \"" + storage + "\" is neither files nor database");
  }
  if (storage == "files" && s.database.location.is_postgresql()) {
    throw platform::ConfigError("uploads.storage: files are kept on one machine only; with database.url set, "
                                "keep uploads in the database");
  }
  s.upload_storage = storage == "files" ? applications::UploadStore::Storage::files
                                        : applications::UploadStore::Storage::database;

  s.draft_lifetime = std::chrono::hours(24 * source.get_int("applications.draft_lifetime_days", 30, 1, 365));
  s.uploads_per_client_per_hour = static_cast<int>(source.get_int("uploads.per_client_per_hour", 60, 1, 100000));
  s.housekeeping.unclaimed_max_age =
      std::chrono::seconds(source.get_int("uploads.unclaimed_max_age_seconds", 24 * 3600, 1, 365 * 24 * 3600));
  s.housekeeping.interval =
      std::chrono::seconds(source.get_int("uploads.purge_interval_seconds", 3600, 1, 7 * 24 * 3600));

  s.card_bridge_url = source.get_string("counter.card_bridge_url", s.card_bridge_url);
  if (s.card_bridge_url.rfind("http://127.0.0.1:", 0) != 0 && s.card_bridge_url.rfind("http://localhost:", 0) != 0) {
    throw platform::ConfigError("counter.card_bridge_url: \"" + s.card_bridge_url +
                                "\" must be http://127.0.0.1:PORT or http://localhost:PORT (the bridge listens only there)");
  }
  s.pre_entry_lifetime = std::chrono::hours(24 * source.get_int("counter.pre_entry_days", 30, 1, 365));
  if (auto offices = source.get_string("booking.offices_file", ""); !offices.empty()) s.offices_file_override = offices;

  if (auto start = source.get_string("clock.start", ""); !start.empty()) {
    if (!platform::parse_clock_start(start)) {
      throw platform::ConfigError("clock.start: \"" + start +
                                  "\" is not a date (2027-03-31) or a time (2027-03-31T10:00:00+09:00)");
    }
    s.clock_start = start;
  }

  source.reject_unknown_keys();

  if (overrides.data_dir) s.data_dir = *overrides.data_dir;
  if (overrides.port) http.port = static_cast<uint16_t>(*overrides.port);
  if (overrides.host) http.host = *overrides.host;
  if (s.public_url.empty()) s.public_url = "http://" + http.host + ":" + std::to_string(http.port);
  s.database.location.sqlite_path = s.database_path();
  return s;
}

}  // namespace madoguchi::app
