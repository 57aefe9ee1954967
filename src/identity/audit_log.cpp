#include "identity/audit_log.h"

#include <algorithm>

#include "platform/time.h"

namespace madoguchi::identity {

namespace {

using platform::db::Connection;
using platform::db::Param;
using platform::db::Params;
using platform::db::Row;

// Text as stored: invalid UTF-8 replaced, so what is hashed is what reads back.
std::string clean(const std::string& text) {
  auto quoted = nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return nlohmann::json::parse(quoted).get<std::string>();
}

AuditRecord from_row(const Row& row) {
  AuditRecord r;
  r.seq = row.integer(0);
  r.at = row.text(1);
  r.actor_kind = row.text(2);
  r.actor = row.text(3);
  r.action = row.text(4);
  r.subject_type = row.text(5);
  r.subject_id = row.text(6);
  r.detail = row.text(7);
  r.ip = row.text(8);
  r.request_id = row.text(9);
  r.prev_hash = row.text(10);
  r.hash = row.text(11);
  return r;
}

constexpr const char* kColumns =
    "seq, at, actor_kind, actor, action, subject_type, subject_id, detail, ip, request_id, prev_hash, hash";

}  // namespace

int64_t append_audit_entry(Connection& connection, const std::vector<uint8_t>& anchor_key, const AuditEntry& entry,
                           TimePoint at) {
  AuditRecord r;
  connection.lock("audit_log");  // one chain: appends on any node wait their turn
  auto last = connection.query_one("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  r.seq = last ? last->integer(0) + 1 : 1;
  r.prev_hash = last ? last->text(1) : std::string(kGenesisHash);
  r.at = platform::iso_timestamp(at);
  r.actor_kind = clean(entry.actor_kind);
  r.actor = clean(entry.actor);
  r.action = clean(entry.action);
  r.subject_type = clean(entry.subject_type);
  r.subject_id = clean(entry.subject_id);
  r.detail = (entry.detail.is_null() ? nlohmann::json::object() : entry.detail)
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.ip = clean(entry.ip);
  r.request_id = clean(entry.request_id);
  r.hash = chain_hash(r.prev_hash, r);
  connection.execute(
      "INSERT INTO audit_log (seq, at, actor_kind, actor, action, subject_type, subject_id, detail, ip, request_id, "
      "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.seq, r.at, r.actor_kind, r.actor, r.action, r.subject_type, r.subject_id, r.detail, r.ip, r.request_id,
       r.prev_hash, r.hash});
  connection.execute(
      "INSERT INTO audit_head (id, seq, hash, tag) VALUES (1, ?, ?, ?) "
      "ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, tag = excluded.tag",
      {r.seq, r.hash, head_tag(anchor_key, r.seq, r.hash)});
  return r.seq;
}

AuditVerification verify_audit_log(Connection& connection, const std::vector<uint8_t>& anchor_key) {
  ChainVerifier verifier;
  // In slices, so a long log is walked in bounded memory.
  constexpr int64_t kSlice = 2000;
  int64_t after = 0;
  while (!verifier.problem()) {
    auto rows = connection.query(std::string("SELECT ") + kColumns + " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?",
                                 {after, kSlice});
    for (const auto& row : rows) verifier.add(from_row(row));
    if (static_cast<int64_t>(rows.size()) < kSlice) break;
    after = rows.back().integer(0);
  }
  auto head = connection.query_one("SELECT seq, hash, tag FROM audit_head WHERE id = 1");
  verifier.finish(head ? std::optional<int64_t>(head->integer(0)) : std::nullopt, head ? head->text(1) : "",
                  head ? head->text(2) : "", anchor_key);
  return AuditVerification{verifier.count(), verifier.problem()};
}

AuditPage search_audit_log(Connection& connection, const AuditQuery& query) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit_log WHERE 1 = 1";
  Params params;
  if (!query.actor.empty()) {
    sql += " AND actor = ?";
    params.emplace_back(query.actor);
  }
  if (!query.action.empty()) {
    sql += " AND action = ?";
    params.emplace_back(query.action);
  }
  if (!query.subject_id.empty()) {
    sql += " AND subject_id = ?";
    params.emplace_back(query.subject_id);
  }
  if (query.from_at) {
    sql += " AND at >= ?";
    params.emplace_back(*query.from_at);
  }
  if (query.to_at) {
    sql += " AND at < ?";
    params.emplace_back(*query.to_at);
  }
  int page = std::max(1, query.page);
  int size = std::clamp(query.page_size, 1, 500);
  sql += " ORDER BY seq DESC LIMIT ? OFFSET ?";
  params.emplace_back(size + 1);
  params.emplace_back(static_cast<int64_t>(page - 1) * size);
  AuditPage result;
  result.page = page;
  for (const auto& row : connection.query(sql, params)) result.records.push_back(from_row(row));
  if (static_cast<int>(result.records.size()) > size) {
    result.records.pop_back();
    result.has_next = true;
  }
  return result;
}

AuditLog::AuditLog(platform::db::Database& database, std::vector<uint8_t> anchor_key, Now clock)
    : database_(database), key_(std::move(anchor_key)), clock_(clock ? std::move(clock) : Now([] {
                                                                     return platform::Clock::now();
                                                                   })) {}

int64_t AuditLog::record(Connection& connection, const AuditEntry& entry) const {
  return append_audit_entry(connection, key_, entry, clock_());
}

int64_t AuditLog::record(const AuditEntry& entry) const {
  return database_.write([&](Connection& connection) { return record(connection, entry); });
}

AuditVerification AuditLog::verify() const {
  return database_.read([&](Connection& connection) { return verify_audit_log(connection, key_); });
}

AuditPage AuditLog::search(const AuditQuery& query) const {
  return database_.read([&](Connection& connection) { return search_audit_log(connection, query); });
}

}  // namespace madoguchi::identity
