#include "app/user_command.h"

#include <cstdlib>
#include <memory>

#include "app/migrated_database.h"
#include "identity/audit_log.h"
#include "identity/identity_module.h"
#include "identity/session_store.h"
#include "identity/staff_accounts.h"
#include "platform/crypto.h"
#include "platform/web/language.h"
#include "procedures/directory.h"

namespace madoguchi::app {

namespace {

using identity::FieldProblem;

// The database and the identity services the commands need, opened on a migrated database.
struct Accounts {
  explicit Accounts(const Settings& settings) : database(open_migrated_database(settings)) {
    audit = std::make_unique<identity::AuditLog>(
        *database, platform::crypto::load_or_create_key(identity::audit_key_path(settings.keys_dir())));
    sessions = std::make_unique<identity::SessionStore>(*database);
    staff = std::make_unique<identity::StaffAccounts>(
        *database, *audit, *sessions, platform::crypto::load_or_create_key(identity::totp_key_path(settings.keys_dir())));
  }
  ~Accounts() { database->stop(); }

  std::unique_ptr<platform::db::Database> database;
  std::unique_ptr<identity::AuditLog> audit;
  std::unique_ptr<identity::SessionStore> sessions;
  std::unique_ptr<identity::StaffAccounts> staff;
};

// Changes made here are attributed to the operating-system user who ran the command.
identity::AuditActor cli_actor() {
  const char* user = std::getenv("SUDO_USER");
  if (!user || !*user) user = std::getenv("USER");
  return identity::AuditActor{"system", std::string("cli:") + (user && *user ? user : "unknown"), "", ""};
}

void print_problems(const Settings& settings, const std::vector<FieldProblem>& problems, std::ostream& err) {
  platform::web::Messages messages(settings.web_dir() / "i18n");
  for (const auto& problem : problems) {
    auto word = [&](platform::web::Language language) {
      std::string text = messages.text(language, "identity." + problem.code);
      auto at = text.find("{limit}");
      if (at != std::string::npos) text.replace(at, 7, std::to_string(problem.limit));
      return text;
    };
    err << "madoguchi user: --" << (problem.field == "display_name" ? "name" : problem.field) << ": "
        << word(platform::web::Language::ja) << " / " << word(platform::web::Language::en) << "\n";
  }
}

// The password from the first line of standard input, or a new random one.
std::string obtain_password(bool from_stdin, std::istream& in, bool& generated) {
  generated = !from_stdin;
  if (!from_stdin) return platform::crypto::random_token(18);
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
  if (line.empty()) {
    throw std::runtime_error("標準入力からパスワードを読めませんでした。 / no password on standard input");
  }
  return line;
}

void print_generated(std::ostream& out, const std::string& password) {
  out << "初期パスワード（この一度だけ表示します。ログイン後 /staff/password で変更してください） / initial password "
         "(shown once; change it at /staff/password after signing in):\n"
      << password << "\n";
}

// Department and ward codes must exist in the catalogue's reference list (procedures/_departments.yaml).
void check_codes(const Settings& settings, const identity::Scope& scope) {
  auto loaded = procedures::load_directory(settings.procedures_dir());
  if (!loaded.problems.empty()) {
    throw std::runtime_error("部署・区の一覧を読めません / cannot read the departments file: " +
                             loaded.problems.front().to_string());
  }
  for (const auto& code : scope.departments.codes()) {
    if (code != identity::kAllCode && !loaded.directory.find_department(code)) {
      throw std::runtime_error("部署コード「" + code + "」は procedures/_departments.yaml にありません / unknown department code " + code);
    }
  }
  for (const auto& code : scope.wards.codes()) {
    if (code != identity::kAllCode && !loaded.directory.find_ward(code)) {
      throw std::runtime_error("区のコード「" + code + "」は procedures/_departments.yaml にありません / unknown ward code " + code);
    }
  }
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out.empty() ? "-" : out;
}

int add_user(const Settings& settings, const identity::NewStaff& base, bool password_stdin, std::istream& in,
             std::ostream& out, std::ostream& err) {
  check_codes(settings, base.scope);
  identity::NewStaff staff = base;
  bool generated = false;
  staff.password = obtain_password(password_stdin, in, generated);
  Accounts accounts(settings);
  try {
    identity::StaffUser user = accounts.staff->create(staff, cli_actor());
    out << "職員アカウントを作成しました / created staff account: " << user.login << " (" << joined(user.roles.names())
        << ")\n";
    if (generated) print_generated(out, staff.password);
    return 0;
  } catch (const identity::StaffInputError& e) {
    print_problems(settings, e.problems(), err);
    return 1;
  }
}

int list_users(const Settings& settings, std::ostream& out) {
  Accounts accounts(settings);
  out << "login\tdisplay_name\troles\tdepartments\twards\tstatus\ttotp\n";
  for (const auto& user : accounts.staff->list()) {
    out << user.login << "\t" << user.display_name << "\t" << joined(user.roles.names()) << "\t"
        << joined(user.scope.departments.codes()) << "\t" << joined(user.scope.wards.codes()) << "\t"
        << (user.disabled ? "disabled" : "active") << "\t" << (user.totp_enabled ? "on" : "off") << "\n";
  }
  return 0;
}

int disable_user(const Settings& settings, const std::string& login, std::ostream& out, std::ostream& err) {
  Accounts accounts(settings);
  if (!accounts.staff->disable(login, cli_actor())) {
    err << "madoguchi user: ログイン名「" << login << "」の職員はいません / no staff account with login " << login << "\n";
    return 1;
  }
  out << "職員アカウントを無効にしました（ログイン中のセッションも終了） / disabled staff account (and ended its "
         "sessions): "
      << login << "\n";
  return 0;
}

int set_password(const Settings& settings, const std::string& login, bool password_stdin, std::istream& in,
                 std::ostream& out, std::ostream& err) {
  bool generated = false;
  std::string password = obtain_password(password_stdin, in, generated);
  Accounts accounts(settings);
  try {
    accounts.staff->set_password(login, password, cli_actor());
  } catch (const identity::StaffInputError& e) {
    print_problems(settings, e.problems(), err);
    return 1;
  }
  out << "パスワードを設定しました（ロックは解除、セッションは終了） / password set (lock lifted, sessions ended): "
      << identity::normalise_login(login) << "\n";
  if (generated) print_generated(out, password);
  return 0;
}

}  // namespace

UserCommand::UserCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_common_options) {
  user_ = cli.add_subcommand("user", "staff accounts: add, list, disable, password");
  user_->require_subcommand(1);

  add_ = user_->add_subcommand("add", "create a staff account");
  add_common_options(add_);
  add_->add_option("--login", login_, "login name: a-z 0-9 . _ -")->required();
  add_->add_option("--name", name_, "display name, kept as typed (e.g. 髙橋 﨑子)")->required();
  std::vector<std::string> role_names;
  for (auto role : identity::kAllRoles) role_names.emplace_back(identity::role_name(role));
  add_->add_option("--role", roles_, "role (repeatable)")->required()->check(CLI::IsMember(role_names));
  add_->add_option("--department", departments_, "department code from procedures/_departments.yaml, or all (repeatable)");
  add_->add_option("--ward", wards_, "ward code (aoba, miyagino, wakabayashi, taihaku, izumi) or all (repeatable)");
  add_->add_flag("--password-stdin", password_stdin_, "read the password from standard input instead of generating one");

  list_ = user_->add_subcommand("list", "list staff accounts");
  add_common_options(list_);

  disable_ = user_->add_subcommand("disable", "disable a staff account and end its sessions");
  add_common_options(disable_);
  disable_->add_option("--login", login_, "login name")->required();

  password_ = user_->add_subcommand("password", "set a staff account's password (also lifts a lockout)");
  add_common_options(password_);
  password_->add_option("--login", login_, "login name")->required();
  password_->add_flag("--password-stdin", password_stdin_, "read the password from standard input instead of generating one");
}

bool UserCommand::selected() const { return user_->parsed(); }

int UserCommand::run(const Settings& settings, std::istream& in, std::ostream& out, std::ostream& err) const {
  if (add_->parsed()) {
    identity::NewStaff staff;
    staff.login = login_;
    staff.display_name = name_;
    for (const auto& name : roles_) {
      if (auto role = identity::role_from_name(name)) staff.roles.add(*role);
    }
    staff.scope.departments = identity::CodeSet::of(departments_);
    staff.scope.wards = identity::CodeSet::of(wards_);
    return add_user(settings, staff, password_stdin_, in, out, err);
  }
  if (list_->parsed()) return list_users(settings, out);
  if (disable_->parsed()) return disable_user(settings, login_, out, err);
  return set_password(settings, login_, password_stdin_, in, out, err);
}

}  // namespace madoguchi::app
