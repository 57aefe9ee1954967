// AuditLog: the append-only, hash-chained record of who saw or changed what.
//
// Every module that shows or changes personal data to staff must call
// record() itself — for a change, with its own Connection inside the same
// write transaction (so the entry exists if and only if the change commits);
// for a read, with the entry-only overload after deciding to show the data.
// Put codes and ids in the detail (reference number, field names, reason
// codes), never the personal values themselves. audit_entry_for() in
// identity/access_control.h fills actor, ip and request id from a request.
//
// The table refuses UPDATE and DELETE (triggers); verify() walks the chain
// and the keyed head and reports the first entry that was altered, deleted,
// inserted or cut off.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "identity/audit_chain.h"
#include "identity/audit_entry.h"
#include "identity/lockout.h"
#include "platform/db/database.h"

namespace madoguchi::identity {

struct AuditVerification {
  int64_t count = 0;  // entries walked
  std::optional<ChainProblem> problem;
  bool ok() const { return !problem; }
};

// Search filters; empty strings and missing bounds match everything.
struct AuditQuery {
  std::string actor;
  std::string action;
  std::string subject_id;
  std::optional<std::string> from_at;  // inclusive, UTC ISO text
  std::optional<std::string> to_at;    // exclusive
  int page = 1;
  int page_size = 50;
};

struct AuditPage {
  std::vector<AuditRecord> records;  // newest first
  int page = 1;
  bool has_next = false;
};

class AuditLog {
 public:
  using Now = std::function<TimePoint()>;
  // anchor_key: 32 bytes (keys/audit.key) for the head's MAC.
  AuditLog(platform::db::Database& database, std::vector<uint8_t> anchor_key, Now clock = {});

  // Appends inside the caller's write transaction; returns the entry's seq.
  int64_t record(platform::db::Connection& connection, const AuditEntry& entry) const;
  // Appends in a write of its own; returns once durable.
  int64_t record(const AuditEntry& entry) const;

  AuditVerification verify() const;
  AuditPage search(const AuditQuery& query) const;

 private:
  platform::db::Database& database_;
  std::vector<uint8_t> key_;
  Now clock_;
};

// The same walk on any connection (the command line, tests).
AuditVerification verify_audit_log(platform::db::Connection& connection, const std::vector<uint8_t>& anchor_key);
// Appends with `connection` (which must be in a write transaction), timestamped `at`.
int64_t append_audit_entry(platform::db::Connection& connection, const std::vector<uint8_t>& anchor_key,
                           const AuditEntry& entry, TimePoint at);
AuditPage search_audit_log(platform::db::Connection& connection, const AuditQuery& query);

}  // namespace madoguchi::identity
