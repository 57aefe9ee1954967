// Settings: every setting of a madoguchi instance, read once at start from
// the YAML file (--config or MADOGUCHI_CONFIG) and MADOGUCHI_* environment
// variables, then passed to the modules as plain structs.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "applications/upload_store.h"
#include "applications/housekeeping.h"
#include "notify/smtp_settings.h"
#include "platform/db/database.h"
#include "platform/http/server.h"
#include "platform/log.h"
#include "platform/time.h"

namespace madoguchi::app {

struct Settings {
  std::filesystem::path data_dir = "var";          // database, attachments, keys
  std::filesystem::path source_root;               // procedures/, web/, src/*/migrations
  std::filesystem::path build_dir;                 // generated data (postal table, assets)
  std::string public_url = "http://127.0.0.1:8080";  // how citizens reach us (links in mail, QR)
  platform::http::ServerSettings server;
  platform::db::DatabaseSettings database;
  platform::log::Settings log;
  notify::SmtpSettings smtp;
  std::chrono::seconds draft_lifetime{30 * 24 * 3600};  // how long a saved web draft is kept
  int uploads_per_client_per_hour = 60;                   // files one client address may upload an hour
  applications::HousekeepingSettings housekeeping;        // purging unclaimed uploads and expired drafts
  std::string card_bridge_url = "http://127.0.0.1:47100";  // the card bridge on counter PCs (pages may connect to it)
  std::chrono::seconds pre_entry_lifetime{30 * 24 * 3600};  // how long a pre-entry QR code is valid
  int attempts_per_minute = 30;  // per client and route, on sign-in and look-ups by secret
  std::optional<std::filesystem::path> offices_file_override;
  std::optional<std::string> clock_start;  // test-only: the process lives from this instant (platform::parse_clock_start)
  // Where uploaded files are kept: `database` on PostgreSQL (every node sees
  // them, backups hold them), `files` under DATA/uploads on SQLite.
  applications::UploadStore::Storage upload_storage = applications::UploadStore::Storage::files;

  std::filesystem::path database_path() const { return data_dir / "madoguchi.db"; }
  std::filesystem::path keys_dir() const { return data_dir / "keys"; }
  std::filesystem::path uploads_dir() const { return data_dir / "uploads"; }
  std::filesystem::path procedures_dir() const { return source_root / "procedures"; }
  // The city's offices, counters and booking rules (booking.offices_file; default offices/sendai.yaml).
  std::filesystem::path offices_file() const {
    return offices_file_override ? *offices_file_override : source_root / "offices" / "sendai.yaml";
  }
  std::filesystem::path web_dir() const { return source_root / "web"; }
  std::filesystem::path node_modules_dir() const { return source_root / "node_modules"; }
  std::filesystem::path postal_table() const { return build_dir / "data" / "postal.tsv"; }
  bool https() const { return public_url.rfind("https://", 0) == 0; }
};

struct CommandLineOverrides {
  std::optional<std::filesystem::path> config_file;
  std::optional<std::filesystem::path> data_dir;
  std::optional<int> port;
  std::optional<std::string> host;
};

// Throws platform::ConfigError with file:line for a bad or unknown setting.
Settings load_settings(const CommandLineOverrides& overrides);

}  // namespace madoguchi::app
