#include "identity/session_store.h"

#include <gtest/gtest.h>

#include "identity/session_policy.h"
#include "identity_test_support.h"

using namespace madoguchi::identity;
using madoguchi::platform::db::Connection;
using namespace std::chrono_literals;

namespace {
std::string create(identity_test::Services& s, SessionKind kind, bool pending = false) {
  return s.db->write([&](Connection& c) { return s.sessions.create(c, kind, 7, pending); });
}
}  // namespace

TEST(SessionPolicy, IdleAndAbsoluteLimits) {
  TimePoint t0 = madoguchi::platform::parse_iso_timestamp("2025-04-01T00:00:00.000Z");
  auto staff = SessionPolicy::staff();
  EXPECT_TRUE(session_alive(t0, t0 + 10min, t0 + 39min, staff));
  EXPECT_FALSE(session_alive(t0, t0 + 10min, t0 + 40min, staff));
  EXPECT_TRUE(session_alive(t0, t0 + 10min, t0 + 69min, SessionPolicy::citizen()));
  EXPECT_FALSE(session_alive(t0, t0 + 12h - 1min, t0 + 12h, staff));
}

TEST(Sessions, StaffSessionsIdleOutAfterThirtyMinutes) {
  identity_test::Services s;
  std::string token = create(s, SessionKind::staff);
  s.clock.advance(29min);
  ASSERT_TRUE(s.sessions.resolve(token));
  s.clock.advance(29min);  // 29 minutes after the last request
  ASSERT_TRUE(s.sessions.resolve(token));
  s.clock.advance(30min);
  EXPECT_FALSE(s.sessions.resolve(token));
  // And it is gone for good, not just refused this once.
  auto rows = s.db->read([](Connection& c) { return c.query_one("SELECT COUNT(*) FROM sessions")->integer(0); });
  EXPECT_EQ(rows, 0);
}

TEST(Sessions, CitizenSessionsIdleOutAfterSixtyMinutes) {
  identity_test::Services s;
  std::string token = create(s, SessionKind::citizen);
  s.clock.advance(59min);
  ASSERT_TRUE(s.sessions.resolve(token));
  s.clock.advance(60min);
  EXPECT_FALSE(s.sessions.resolve(token));
}

TEST(Sessions, EndAfterTwelveHoursHoweverBusy) {
  identity_test::Services s;
  std::string token = create(s, SessionKind::staff);
  for (int i = 0; i < 35; ++i) {
    s.clock.advance(20min);
    ASSERT_TRUE(s.sessions.resolve(token)) << i;
  }
  s.clock.advance(20min);  // 12 h after sign-in
  EXPECT_FALSE(s.sessions.resolve(token));
}

TEST(Sessions, PendingSecondFactorLastsFiveMinutes) {
  identity_test::Services s;
  std::string token = create(s, SessionKind::staff, true);
  s.clock.advance(4min);
  auto session = s.sessions.resolve(token);
  ASSERT_TRUE(session);
  EXPECT_TRUE(session->second_factor_pending);
  s.clock.advance(1min);
  EXPECT_FALSE(s.sessions.resolve(token));
}

TEST(Sessions, TokensAreStoredHashedAndEachSignInGetsANewOne) {
  identity_test::Services s;
  std::string first = create(s, SessionKind::staff);
  std::string second = create(s, SessionKind::staff);
  EXPECT_NE(first, second);
  EXPECT_GE(first.size(), 43u);
  auto stored = s.db->read([](Connection& c) { return c.query("SELECT token_hash FROM sessions"); });
  ASSERT_EQ(stored.size(), 2u);
  for (const auto& row : stored) {
    EXPECT_NE(row.text(0), first);
    EXPECT_NE(row.text(0), second);
  }
  EXPECT_FALSE(s.sessions.resolve("not-a-token"));
  EXPECT_FALSE(s.sessions.resolve(""));
}

TEST(Sessions, EndAllEndsEverySessionOfTheAccount) {
  identity_test::Services s;
  std::string a = create(s, SessionKind::staff);
  std::string b = create(s, SessionKind::staff);
  std::string citizen = create(s, SessionKind::citizen);
  s.db->write([&](Connection& c) { s.sessions.end_all(c, SessionKind::staff, 7); });
  EXPECT_FALSE(s.sessions.resolve(a));
  EXPECT_FALSE(s.sessions.resolve(b));
  EXPECT_TRUE(s.sessions.resolve(citizen));
}
