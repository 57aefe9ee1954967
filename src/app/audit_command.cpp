#include "app/audit_command.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "identity/audit_log.h"
#include "identity/identity_module.h"
#include "platform/db/connection.h"

namespace madoguchi::app {

namespace {

std::optional<std::vector<uint8_t>> read_key(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

int verify(const Settings& settings, std::ostream& out, std::ostream& err) {
  const auto& location = settings.database.location;
  if (!location.is_postgresql() && !std::filesystem::exists(location.sqlite_path)) {
    err << "madoguchi audit: データベースがありません / no database at " << location.describe() << "\n";
    return 1;
  }
  auto opened = platform::db::connect(location, platform::db::Connection::Mode::read_only);
  auto& connection = *opened;
  auto key_path = identity::audit_key_path(settings.keys_dir());
  auto key = read_key(key_path);
  if (!key) {
    auto entries = connection.query_one("SELECT COUNT(*) FROM audit_log");
    if (entries && entries->integer(0) == 0) {
      out << "監査ログは正常です（0 件） / audit log OK: 0 entries\n";
      return 0;
    }
    err << "madoguchi audit: 監査ログの鍵 " << key_path.string() << " がないため、末尾を確かめられません / the audit key "
        << key_path.string() << " is missing, so the end of the log cannot be checked\n";
    return 1;
  }
  auto result = identity::verify_audit_log(connection, *key);
  if (result.ok()) {
    out << "監査ログは正常です（" << result.count << " 件） / audit log OK: " << result.count << " entries\n";
    return 0;
  }
  const auto& problem = *result.problem;
  err << "madoguchi audit: 監査ログが改ざんされています / the audit log has been tampered with\n"
      << "  entry " << problem.seq << " (" << problem.kind << "): " << problem.message_ja << "\n"
      << "  " << problem.message_en << "\n";
  return 1;
}

}  // namespace

AuditCommand::AuditCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_common_options) {
  audit_ = cli.add_subcommand("audit", "the audit log");
  audit_->require_subcommand(1);
  verify_ = audit_->add_subcommand("verify", "check that no audit log entry was altered, deleted or inserted");
  add_common_options(verify_);
}

bool AuditCommand::selected() const { return audit_->parsed(); }

int AuditCommand::run(const Settings& settings, std::ostream& out, std::ostream& err) const { return verify(settings, out, err); }

}  // namespace madoguchi::app
