#include "app/copy_data_command.h"

#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "app/application.h"
#include "app/migrated_database.h"
#include "identity/audit_log.h"
#include "identity/identity_module.h"
#include "platform/db/migrations.h"
#include "platform/crypto.h"
#include "platform/db/sqlite_connection.h"

namespace madoguchi::app {

namespace {

using platform::db::Connection;
using platform::db::Params;
using platform::db::Row;

std::vector<std::string> column_names(Connection& source, const std::string& table) {
  std::vector<std::string> columns;
  for (const auto& row : source.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", {table})) {
    columns.push_back(row.text(0));
  }
  return columns;
}

// The SQLite tables, each after the tables its foreign keys point to.
std::vector<std::string> tables_in_key_order(Connection& source) {
  std::vector<std::string> names;
  for (const auto& row : source.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                      "AND name <> 'schema_migrations' ORDER BY rowid")) {
    names.push_back(row.text(0));
  }
  std::map<std::string, std::set<std::string>> needs;
  for (const auto& name : names) {
    for (const auto& row : source.query("SELECT \"table\" FROM pragma_foreign_key_list(?)", {name})) {
      if (row.text(0) != name) needs[name].insert(row.text(0));
    }
  }
  std::vector<std::string> ordered;
  std::set<std::string> placed;
  while (ordered.size() < names.size()) {
    const size_t before = ordered.size();
    for (const auto& name : names) {
      if (placed.count(name)) continue;
      bool ready = true;
      for (const auto& other : needs[name]) ready = ready && placed.count(other);
      if (ready) {
        ordered.push_back(name);
        placed.insert(name);
      }
    }
    if (ordered.size() == before) throw std::runtime_error("the tables' foreign keys form a cycle");
  }
  return ordered;
}

// Copies one table in batches of multi-row INSERTs; returns the rows copied.
int64_t copy_table(Connection& source, Connection& target, const std::string& table) {
  const auto columns = column_names(source, table);
  std::string list, one_row;
  for (const auto& column : columns) {
    list += (list.empty() ? "" : ", ") + ("\"" + column + "\"");
    one_row += one_row.empty() ? "?" : ", ?";
  }
  one_row = "(" + one_row + ")";
  constexpr size_t kBatch = 200;
  int64_t copied = 0;
  std::vector<Row> rows = source.query("SELECT " + list + " FROM \"" + table + "\"");
  for (size_t start = 0; start < rows.size(); start += kBatch) {
    const size_t end = std::min(rows.size(), start + kBatch);
    std::string sql = "INSERT INTO \"" + table + "\" (" + list + ") VALUES ";
    Params params;
    for (size_t r = start; r < end; ++r) {
      sql += (r == start ? "" : ", ") + one_row;
      for (size_t c = 0; c < columns.size(); ++c) params.emplace_back(rows[r].value(c));
    }
    target.execute(sql, params);
    copied += static_cast<int64_t>(end - start);
  }
  return copied;
}

}  // namespace

CopyDataCommand::CopyDataCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_common_options) {
  command_ = cli.add_subcommand("copy-data", "copy this embedded installation into PostgreSQL (the growth path)");
  add_common_options(command_);
  command_->add_option("--to", target_, "the PostgreSQL database to fill: postgresql://…")->required();
}

bool CopyDataCommand::selected() const { return command_->parsed(); }

int CopyDataCommand::run(const Settings& settings, std::ostream& out, std::ostream& err) const {
  if (!target_.starts_with("postgresql://") && !target_.starts_with("postgres://")) {
    err << "madoguchi copy-data: --to は postgresql://… で指定してください / --to must be a postgresql:// URL\n";
    return 2;
  }
  Settings embedded = settings;
  embedded.database.location.url.clear();
  try {
    check_migrated(embedded);
    platform::db::SqliteConnection source(embedded.database.location.sqlite_path, Connection::Mode::read_only);
    auto target = platform::db::connect({target_, {}}, Connection::Mode::read_write);
    platform::db::apply_migrations(
        *target, platform::db::load_migrations(settings.source_root, migration_modules(), platform::db::Dialect::postgresql));
    const auto tables = tables_in_key_order(source);
    for (const auto& table : tables) {
      if (target->query_one("SELECT 1 FROM \"" + table + "\" LIMIT 1")) {
        err << "madoguchi copy-data: 移行先にはすでにデータがあります（" << table
            << "）。空のデータベースを指定してください / the target already holds data (" << table
            << "); give an empty database\n";
        return 1;
      }
    }
    target->exec("BEGIN");
    try {
      std::map<std::string, int64_t> copied;
      for (const auto& table : tables) copied[table] = copy_table(source, *target, table);
      // Uploaded files kept under DATA/uploads move into the database, as PostgreSQL installations keep them.
      int64_t files = 0;
      for (const auto& row : source.query("SELECT DISTINCT sha256 FROM uploads")) {
        const std::string sha = row.text(0);
        const auto path = embedded.uploads_dir() / sha.substr(0, 2) / sha;
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("the uploaded file " + path.string() + " is missing");
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (platform::crypto::sha256_hex(bytes) != sha) throw std::runtime_error("the uploaded file " + path.string() + " is damaged");
        target->execute("INSERT INTO upload_contents (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING",
                        {sha, platform::db::Blob(bytes.begin(), bytes.end())});
        ++files;
      }
      // Identity columns go on after the copied rows.
      for (const auto& row : target->query("SELECT table_name, column_name FROM information_schema.columns "
                                           "WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
        target->query_one("SELECT setval(pg_get_serial_sequence(?, ?), (SELECT COALESCE(max(\"" + row.text(1) +
                              "\"), 0) + 1 FROM \"" + row.text(0) + "\"), false)",
                          {row.text(0), row.text(1)});
      }
      for (const auto& [table, rows] : copied) {
        const auto there = target->query_one("SELECT count(*) FROM \"" + table + "\"")->integer(0);
        if (there != rows) throw std::runtime_error("table " + table + " holds " + std::to_string(there) + " rows, not " + std::to_string(rows));
      }
      const auto key_path = identity::audit_key_path(embedded.keys_dir());
      if (std::filesystem::exists(key_path)) {
        std::ifstream key_file(key_path, std::ios::binary);
        const std::vector<uint8_t> key((std::istreambuf_iterator<char>(key_file)), std::istreambuf_iterator<char>());
        const auto verified = identity::verify_audit_log(*target, key);
        if (!verified.ok()) throw std::runtime_error("the audit chain does not verify in the target: " + verified.problem->message_en);
        out << "audit chain verified: " << verified.count << " entries\n";
      }
      target->exec("COMMIT");
      int64_t total = 0;
      for (const auto& [table, rows] : copied) total += rows;
      out << "copied " << total << " rows in " << copied.size() << " tables and " << files
          << " uploaded files to " << platform::db::DatabaseLocation{target_, {}}.describe() << "\n"
          << "データの移行が完了しました。設定に database.url を書き、各ノードへ " << embedded.keys_dir().string()
          << " を複写してください。 / Done: set database.url on every node and copy " << embedded.keys_dir().string()
          << " to each of them.\n";
      return 0;
    } catch (...) {
      target->exec("ROLLBACK");
      throw;
    }
  } catch (const std::exception& e) {
    err << "madoguchi copy-data: 移行できませんでした。移行先は元のままです / nothing was copied: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace madoguchi::app
