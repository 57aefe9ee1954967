// Sign-in timing, whatever the outcome: the answer to an unknown login, a
// real login with a wrong password, a login locked for this client and the
// right password must take about as long, or timing tells an attacker which
// logins exist and which are locked. Printed beside this machine's ceiling
// for the same work measured in the same run: one argon2id verification
// (libsodium's interactive limits), which every sign-in does exactly once.
// Each benchmark uses a fresh migrated database in a temporary directory.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "identity/audit_log.h"
#include "identity/session_store.h"
#include "identity/staff_accounts.h"
#include "platform/crypto.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/sqlite_connection.h"

namespace {

using namespace madoguchi;

const std::string kPassword = "correct horse battery";

// The identity services on a database of their own, with one staff account.
class SignIn {
 public:
  explicit SignIn(const std::string& name)
      : dir_(std::filesystem::temp_directory_path() / ("madoguchi-bench-identity-" + name + "-" +
                                                        std::to_string(::getpid()))) {
    platform::crypto::init();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    {
      platform::db::SqliteConnection c(dir_ / "madoguchi.db", platform::db::Connection::Mode::read_write);
      platform::db::apply_migrations(c, platform::db::load_migrations(MADOGUCHI_SOURCE_DIR, {"notify", "identity"}));
    }
    platform::db::DatabaseSettings settings;
    settings.location.sqlite_path = dir_ / "madoguchi.db";
    db_ = platform::db::open_database(settings);
    audit_ = std::make_unique<identity::AuditLog>(*db_, platform::crypto::random_bytes(32));
    sessions_ = std::make_unique<identity::SessionStore>(*db_);
    staff_ = std::make_unique<identity::StaffAccounts>(*db_, *audit_, *sessions_, platform::crypto::random_bytes(32));
    identity::NewStaff account;
    account.login = "sato.ichiro";
    account.display_name = "佐藤 一郎";
    account.roles = identity::RoleSet{identity::Role::processor};
    account.scope = {identity::CodeSet::all(), identity::CodeSet::all()};
    account.password = kPassword;
    staff_->create(account, {"system", "bench", "", ""});
  }
  ~SignIn() {
    db_->stop();
    staff_.reset();
    sessions_.reset();
    audit_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  const identity::StaffAccounts& staff() const { return *staff_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<platform::db::Database> db_;
  std::unique_ptr<identity::AuditLog> audit_;
  std::unique_ptr<identity::SessionStore> sessions_;
  std::unique_ptr<identity::StaffAccounts> staff_;
};

identity::AuditActor client(const std::string& address) { return {"anonymous", "", address, "bench"}; }

void BM_Ceiling_OneArgon2idVerification(benchmark::State& state) {
  const std::string hash = platform::crypto::hash_password(kPassword);
  for (auto _ : state) benchmark::DoNotOptimize(platform::crypto::verify_password(hash, "not the password"));
}

void BM_SignIn_UnknownLogin(benchmark::State& state) {
  SignIn s("unknown");
  for (auto _ : state) benchmark::DoNotOptimize(s.staff().sign_in("no.such.login", "not the password", client("192.0.2.1")));
}

// A new client address every time, so the account never locks.
void BM_SignIn_WrongPassword(benchmark::State& state) {
  SignIn s("wrong");
  int n = 0;
  for (auto _ : state) {
    const std::string address = "198.51.100." + std::to_string(n++ % 250);
    benchmark::DoNotOptimize(s.staff().sign_in("sato.ichiro", "not the password", client(address)));
  }
}

void BM_SignIn_LockedForThisClient(benchmark::State& state) {
  SignIn s("locked");
  for (int i = 0; i < 5; ++i) s.staff().sign_in("sato.ichiro", "not the password", client("203.0.113.9"));
  for (auto _ : state) benchmark::DoNotOptimize(s.staff().sign_in("sato.ichiro", kPassword, client("203.0.113.9")));
}

void BM_SignIn_RightPassword(benchmark::State& state) {
  SignIn s("right");
  for (auto _ : state) benchmark::DoNotOptimize(s.staff().sign_in("sato.ichiro", kPassword, client("192.0.2.7")));
}

}  // namespace

BENCHMARK(BM_Ceiling_OneArgon2idVerification)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SignIn_UnknownLogin)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SignIn_WrongPassword)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SignIn_LockedForThisClient)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SignIn_RightPassword)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
