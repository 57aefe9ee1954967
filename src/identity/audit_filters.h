// The audit search form, pure: turns the query fields (actor, action,
// subject_id, from, to as YYYY-MM-DD dates in Japan time, page) into an
// AuditQuery, or names the fields that are wrong. `to` is inclusive: the
// whole day up to midnight in Tokyo.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "identity/audit_log.h"
#include "identity/field_problem.h"

namespace madoguchi::identity {

struct AuditFilterInput {
  std::string actor;
  std::string action;
  std::string subject_id;
  std::string from;  // YYYY-MM-DD or ""
  std::string to;
  std::string page;  // "" or a positive number
};

std::variant<AuditQuery, std::vector<FieldProblem>> parse_audit_filters(const AuditFilterInput& input);

// "2025-04-01T09:00:00.000Z" → "2025-04-01 18:00:00" (Japan time), for display.
std::string tokyo_display_time(const std::string& iso_utc);

}  // namespace madoguchi::identity
