#include "identity/lockout.h"

#include <gtest/gtest.h>

#include "identity_test_support.h"

using namespace madoguchi::identity;
using identity_test::cli;
using identity_test::new_staff;
using identity_test::test_client;

namespace {
TimePoint t0() { return madoguchi::platform::parse_iso_timestamp("2025-04-01T00:00:00.000Z"); }
}  // namespace

TEST(Lockout, LocksOnTheFifthFailureForFifteenMinutes) {
  LockoutPolicy policy;
  LockoutState state;
  for (int i = 1; i <= 4; ++i) {
    state = after_failure(state, t0(), policy);
    EXPECT_EQ(state.failures, i);
    EXPECT_FALSE(is_locked(state, t0()));
  }
  state = after_failure(state, t0(), policy);
  EXPECT_TRUE(is_locked(state, t0()));
  EXPECT_TRUE(is_locked(state, t0() + std::chrono::minutes(14)));
  EXPECT_FALSE(is_locked(state, t0() + std::chrono::minutes(15)));
}

TEST(Lockout, FailuresWhileLockedDoNotExtendTheLockAndALapsedLockStartsAfresh) {
  LockoutPolicy policy;
  LockoutState locked{0, t0() + std::chrono::minutes(15)};
  EXPECT_EQ(after_failure(locked, t0() + std::chrono::minutes(1), policy), locked);
  LockoutState after = after_failure(locked, t0() + std::chrono::minutes(16), policy);
  EXPECT_EQ(after.failures, 1);
  EXPECT_FALSE(after.locked_until);
  EXPECT_EQ(after_success(), LockoutState{});
}

TEST(StaffLockout, FiveWrongPasswordsLockEvenTheRightOneUntilTheLockEnds) {
  identity_test::Services s;
  s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(s.staff.sign_in("sato.ichiro", "wrong password!", test_client()).status, LoginStatus::refused);
  }
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).status, LoginStatus::refused);
  s.clock.advance(std::chrono::minutes(14));
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).status, LoginStatus::refused);
  s.clock.advance(std::chrono::minutes(1));
  auto result = s.staff.sign_in("sato.ichiro", "correct horse battery", test_client());
  EXPECT_EQ(result.status, LoginStatus::signed_in);
  EXPECT_FALSE(result.session_token.empty());

  auto locked = s.audit.search({"sato.ichiro", "staff_account_locked", "", std::nullopt, std::nullopt, 1, 50});
  EXPECT_EQ(locked.records.size(), 1u);
  auto refused = s.audit.search({"sato.ichiro", "staff_login_refused", "", std::nullopt, std::nullopt, 1, 50});
  EXPECT_EQ(refused.records.size(), 2u);
}

TEST(StaffLockout, ASuccessResetsTheCount) {
  identity_test::Services s;
  s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  for (int i = 0; i < 4; ++i) s.staff.sign_in("sato.ichiro", "wrong password!", test_client());
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).status, LoginStatus::signed_in);
  for (int i = 0; i < 4; ++i) s.staff.sign_in("sato.ichiro", "wrong password!", test_client());
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).status, LoginStatus::signed_in);
}

TEST(StaffLockout, UnknownAndDisabledAccountsAreRefusedLikeAWrongPassword) {
  identity_test::Services s;
  s.staff.create(new_staff("sato.ichiro", {Role::processor}), cli());
  EXPECT_EQ(s.staff.sign_in("nobody", "correct horse battery", test_client()).status, LoginStatus::refused);
  ASSERT_TRUE(s.staff.disable("sato.ichiro", cli()));
  EXPECT_EQ(s.staff.sign_in("sato.ichiro", "correct horse battery", test_client()).status, LoginStatus::refused);
  // The unknown name typed is not written to the audit log.
  auto failed = s.audit.search({"", "staff_login_failed", "", std::nullopt, std::nullopt, 1, 50});
  ASSERT_EQ(failed.records.size(), 2u);
  EXPECT_EQ(failed.records[1].actor, "");
  EXPECT_EQ(failed.records[1].detail, R"({"reason":"unknown_login"})");
  EXPECT_EQ(failed.records[0].detail, R"({"reason":"disabled"})");
}

TEST(CitizenLockout, FiveWrongPasswordsLockTheAccount) {
  identity_test::Services s;
  ASSERT_TRUE(s.citizens.register_account("hanako@example.jp", "tanabata-2025", "tanabata-2025", test_client()).empty());
  auto token = s.db->read([](madoguchi::platform::db::Connection& c) {
    return c.query_one("SELECT text_body FROM notify_email_outbox")->text(0);
  });
  auto at = token.find("/account/verify/");
  ASSERT_NE(at, std::string::npos);
  ASSERT_TRUE(s.citizens.verify_email(token.substr(at + 16, 43), test_client()));
  for (int i = 0; i < 5; ++i) s.citizens.sign_in("hanako@example.jp", "wrong-password", test_client());
  EXPECT_EQ(s.citizens.sign_in("hanako@example.jp", "tanabata-2025", test_client()).status, LoginStatus::refused);
  s.clock.advance(std::chrono::minutes(15));
  EXPECT_EQ(s.citizens.sign_in("hanako@example.jp", "tanabata-2025", test_client()).status, LoginStatus::signed_in);
}
