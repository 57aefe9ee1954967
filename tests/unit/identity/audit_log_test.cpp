#include "identity/audit_log.h"

#include <gtest/gtest.h>

#include "identity/audit_chain.h"
#include "identity_test_support.h"

using namespace madoguchi::identity;
using madoguchi::platform::db::Connection;
using madoguchi::platform::db::DbError;

namespace {

// Writes `n` entries: seq 1..n.
void fill(identity_test::Services& s, int n) {
  for (int i = 1; i <= n; ++i) {
    s.audit.record(AuditEntry{"staff", "takahashi.sakiko", "case_viewed", "application",
                              "MDG-7K3Q-9XP" + std::to_string(i), {{"fields", {"address"}}}, "192.0.2.1", "r" + std::to_string(i)});
    s.clock.advance(std::chrono::seconds(1));
  }
}

// What an attacker with the database file does: a raw connection, the triggers dropped.
void tamper(identity_test::Services& s, const std::string& sql) {
  auto raw = s.db.connect();
  madoguchi::testing::drop_guard_trigger(*raw, "audit_log_no_update", "audit_log");
  madoguchi::testing::drop_guard_trigger(*raw, "audit_log_no_delete", "audit_log");
  raw->exec(sql);
}

}  // namespace

TEST(AuditLog, ACleanLogVerifies) {
  identity_test::Services s;
  EXPECT_TRUE(s.audit.verify().ok());
  EXPECT_EQ(s.audit.verify().count, 0);
  fill(s, 5);
  auto result = s.audit.verify();
  EXPECT_TRUE(result.ok()) << result.problem->message_en;
  EXPECT_EQ(result.count, 5);
}

TEST(AuditLog, TriggersRefuseUpdateAndDelete) {
  identity_test::Services s;
  fill(s, 2);
  auto raw = s.db.connect();
  EXPECT_THROW(raw->execute("UPDATE audit_log SET actor = 'someone' WHERE seq = 1"), DbError);
  EXPECT_THROW(raw->execute("DELETE FROM audit_log WHERE seq = 1"), DbError);
  EXPECT_THROW(raw->execute("DELETE FROM audit_head"), DbError);
  EXPECT_TRUE(s.audit.verify().ok());
}

TEST(AuditLog, AnAlteredEntryIsNamed) {
  identity_test::Services s;
  fill(s, 5);
  tamper(s, "UPDATE audit_log SET actor = 'someone.else' WHERE seq = 3");
  auto result = s.audit.verify();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problem->seq, 3);
  EXPECT_EQ(result.problem->kind, "altered");
}

TEST(AuditLog, ADeletedEntryIsNamed) {
  identity_test::Services s;
  fill(s, 5);
  tamper(s, "DELETE FROM audit_log WHERE seq = 2");
  auto result = s.audit.verify();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problem->seq, 2);
  EXPECT_EQ(result.problem->kind, "deleted");
}

TEST(AuditLog, DeletingTheNewestEntriesIsCaughtByTheHead) {
  identity_test::Services s;
  fill(s, 5);
  tamper(s, "DELETE FROM audit_log WHERE seq >= 4");
  auto result = s.audit.verify();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problem->seq, 4);
  EXPECT_EQ(result.problem->kind, "truncated");
}

TEST(AuditLog, AnEntryRehashedInPlaceBreaksTheNextLink) {
  identity_test::Services s;
  fill(s, 5);
  AuditRecord third = s.db->read([](Connection& c) {
    auto row = c.query_one(
        "SELECT seq, at, actor_kind, actor, action, subject_type, subject_id, detail, ip, request_id, prev_hash "
        "FROM audit_log WHERE seq = 3");
    AuditRecord r;
    r.seq = row->integer(0);
    r.at = row->text(1);
    r.actor_kind = row->text(2);
    r.actor = "someone.else";
    r.action = row->text(4);
    r.subject_type = row->text(5);
    r.subject_id = row->text(6);
    r.detail = row->text(7);
    r.ip = row->text(8);
    r.request_id = row->text(9);
    r.prev_hash = row->text(10);
    return r;
  });
  tamper(s, "UPDATE audit_log SET actor = 'someone.else', hash = '" + chain_hash(third.prev_hash, third) +
                "' WHERE seq = 3");
  auto result = s.audit.verify();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problem->seq, 4);
  EXPECT_EQ(result.problem->kind, "relinked");
}

TEST(AuditLog, ARecomputedChainIsCaughtByTheKeyedHead) {
  identity_test::Services s;
  fill(s, 4);
  // Rewrite entry 2 and recompute every hash after it, as anyone can without the key.
  auto raw = s.db.connect();
  madoguchi::testing::drop_guard_trigger(*raw, "audit_log_no_update", "audit_log");
  std::string prev;
  for (const auto& row : raw->query(
           "SELECT seq, at, actor_kind, actor, action, subject_type, subject_id, detail, ip, request_id, prev_hash "
           "FROM audit_log ORDER BY seq")) {
    AuditRecord r{row.integer(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5),
                  row.text(6),    row.text(7), row.text(8), row.text(9), row.text(10), ""};
    if (r.seq == 2) r.actor = "someone.else";
    if (!prev.empty()) r.prev_hash = prev;
    r.hash = chain_hash(r.prev_hash, r);
    raw->execute("UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?", {r.actor, r.prev_hash, r.hash, r.seq});
    prev = r.hash;
  }
  auto result = s.audit.verify();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problem->kind, "head_mismatch");
  // Moving the head along without the key is caught too.
  raw->execute("UPDATE audit_head SET hash = ? WHERE id = 1", {prev});
  result = s.audit.verify();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.problem->kind, "head_altered");
}

TEST(AuditLog, AnEntryInAFailedTransactionVanishesWithIt) {
  identity_test::Services s;
  fill(s, 2);
  EXPECT_THROW(s.db->write([&](Connection& c) {
    s.audit.record(c, AuditEntry{"staff", "x", "case_changed", "application", "MDG-1", {}, "", ""});
    throw std::runtime_error("the change failed");
  }),
               std::runtime_error);
  fill(s, 1);
  auto result = s.audit.verify();
  EXPECT_TRUE(result.ok());
  EXPECT_EQ(result.count, 3);
}

TEST(AuditChain, FieldBoundariesAreUnambiguous) {
  AuditRecord a;
  a.seq = 1;
  a.actor = "ab";
  a.action = "c";
  AuditRecord b = a;
  b.actor = "a";
  b.action = "bc";
  EXPECT_NE(chain_hash(kGenesisHash, a), chain_hash(kGenesisHash, b));
  EXPECT_EQ(chain_hash(kGenesisHash, a), chain_hash(kGenesisHash, a));
}

TEST(AuditLog, InvalidUtf8IsStoredReplacedSoTheChainStillVerifies) {
  identity_test::Services s;
  s.audit.record(AuditEntry{"staff", "bad\xff", "case_viewed", "application", "x", {{"k", "v\xfe"}}, "", ""});
  EXPECT_TRUE(s.audit.verify().ok());
}

TEST(AuditLog, SearchFiltersAndPages) {
  identity_test::Services s;
  fill(s, 7);
  s.audit.record(AuditEntry{"staff", "sato.ichiro", "access_denied", "application", "MDG-7K3Q-9XP2", {}, "", ""});
  auto by_actor = s.audit.search({"sato.ichiro", "", "", std::nullopt, std::nullopt, 1, 50});
  ASSERT_EQ(by_actor.records.size(), 1u);
  EXPECT_EQ(by_actor.records[0].action, "access_denied");
  auto by_subject = s.audit.search({"", "", "MDG-7K3Q-9XP2", std::nullopt, std::nullopt, 1, 50});
  EXPECT_EQ(by_subject.records.size(), 2u);
  auto first_page = s.audit.search({"", "case_viewed", "", std::nullopt, std::nullopt, 1, 3});
  ASSERT_EQ(first_page.records.size(), 3u);
  EXPECT_TRUE(first_page.has_next);
  EXPECT_EQ(first_page.records[0].seq, 7);  // newest first
  auto last_page = s.audit.search({"", "case_viewed", "", std::nullopt, std::nullopt, 3, 3});
  ASSERT_EQ(last_page.records.size(), 1u);
  EXPECT_FALSE(last_page.has_next);
  // Entries 1..7 are one second apart from 2025-04-01T00:00:00Z.
  auto window = s.audit.search({"", "", "", std::string("2025-04-01T00:00:02.000Z"), std::string("2025-04-01T00:00:04.000Z"), 1, 50});
  ASSERT_EQ(window.records.size(), 2u);
  EXPECT_EQ(window.records[0].seq, 4);
  EXPECT_EQ(window.records[1].seq, 3);
}
