// AuditEntry is what a caller asks the audit log to record; AuditRecord is a
// stored row, with its place in the hash chain. The detail holds codes and
// ids only (a reference number, a field name, a reason code), never personal
// values (names, addresses, e-mail addresses, the individual number).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace madoguchi::identity {

struct AuditEntry {
  std::string actor_kind = "system";  // "staff", "citizen", "system", "anonymous"
  std::string actor;                  // staff login, "citizen:<id>", "cli", or ""
  std::string action;                 // snake_case: "case_viewed", "access_denied", "staff_login", …
  std::string subject_type;           // "application", "staff_user", "route", …
  std::string subject_id;             // the reference number, a login, a path
  nlohmann::json detail = nlohmann::json::object();
  std::string ip;
  std::string request_id;
};

// Who is acting and from where, for the entries a use case writes.
struct AuditActor {
  std::string kind = "system";  // as AuditEntry::actor_kind
  std::string name;             // as AuditEntry::actor
  std::string ip;
  std::string request_id;

  AuditEntry entry(std::string action, std::string subject_type, std::string subject_id,
                   nlohmann::json detail = nlohmann::json::object()) const {
    return AuditEntry{kind, name, std::move(action), std::move(subject_type), std::move(subject_id), std::move(detail),
                      ip, request_id};
  }
};

struct AuditRecord {
  int64_t seq = 0;
  std::string at;  // UTC, platform::iso_timestamp
  std::string actor_kind;
  std::string actor;
  std::string action;
  std::string subject_type;
  std::string subject_id;
  std::string detail;  // canonical JSON text (sorted keys)
  std::string ip;
  std::string request_id;
  std::string prev_hash;
  std::string hash;
};

}  // namespace madoguchi::identity
