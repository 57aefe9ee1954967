// Helpers for the identity tests: a fresh database with the notify and
// identity migrations, a clock the test moves by hand, and the services
// wired on them the way IdentityModule wires them.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "identity/audit_log.h"
#include "identity/citizen_accounts.h"
#include "identity/session_store.h"
#include "identity/staff_accounts.h"
#include "identity/totp.h"
#include "notify/outbox.h"
#include "platform/crypto.h"
#include "platform/db/database.h"
#include "support/test_database.h"
#include "platform/time.h"

namespace identity_test {

using madoguchi::identity::TimePoint;

// A clock that stands still until the test moves it.
class ManualClock {
 public:
  explicit ManualClock(const std::string& start = "2025-04-01T00:00:00.000Z")
      : now_(madoguchi::platform::parse_iso_timestamp(start).time_since_epoch().count()) {}
  TimePoint now() const { return TimePoint(TimePoint::duration(now_.load())); }
  void advance(std::chrono::seconds by) { now_ += std::chrono::duration_cast<TimePoint::duration>(by).count(); }
  std::function<TimePoint()> function() {
    return [this] { return now(); };
  }

 private:
  std::atomic<TimePoint::rep> now_;
};

// A database with the notify and identity migrations, on the backend the run is for.
struct MigratedDatabase : madoguchi::testing::TestDatabase {
  MigratedDatabase() : TestDatabase({"notify", "identity"}, "identity") {}
};

// The identity services on one database and one manual clock.
struct Services {
  Services()
      : audit_key(madoguchi::platform::crypto::random_bytes(32)),
        audit(*db, audit_key, clock.function()),
        sessions(*db, clock.function()),
        staff(*db, audit, sessions, madoguchi::platform::crypto::random_bytes(32), clock.function()),
        outbox(clock.function()),
        citizens(*db, audit, sessions, outbox, "https://madoguchi.example.jp", clock.function()) {}

  ManualClock clock;
  MigratedDatabase db;
  std::vector<uint8_t> audit_key;
  madoguchi::identity::AuditLog audit;
  madoguchi::identity::SessionStore sessions;
  madoguchi::identity::StaffAccounts staff;
  madoguchi::notify::Outbox outbox;
  madoguchi::identity::CitizenAccounts citizens;
};

inline madoguchi::identity::AuditActor test_client() { return {"anonymous", "", "192.0.2.10", "req-test"}; }
inline madoguchi::identity::AuditActor cli() { return {"system", "cli:test", "", ""}; }

inline madoguchi::identity::NewStaff new_staff(const std::string& login, std::initializer_list<madoguchi::identity::Role> roles,
                                              std::vector<std::string> departments = {"all"},
                                              std::vector<std::string> wards = {"all"}) {
  madoguchi::identity::NewStaff staff;
  staff.login = login;
  staff.display_name = "髙橋 﨑子";
  staff.roles = madoguchi::identity::RoleSet(roles);
  staff.scope.departments = madoguchi::identity::CodeSet::of(departments);
  staff.scope.wards = madoguchi::identity::CodeSet::of(wards);
  staff.password = "correct horse battery";
  return staff;
}

// A six-digit code that matches none of the steps a verifier accepts at `now`.
inline std::string wrong_code(const std::vector<uint8_t>& secret, TimePoint now) {
  int64_t step = madoguchi::identity::totp_step(now);
  for (int candidate = 0;; ++candidate) {
    std::string code = std::to_string(100000 + candidate);
    bool accepted = false;
    for (int64_t s : {step - 1, step, step + 1}) accepted = accepted || madoguchi::identity::totp_at(secret, s) == code;
    if (!accepted) return code;
  }
}

}  // namespace identity_test
