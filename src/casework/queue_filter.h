// The work queue's filters as staff choose them in the URL — status, ward,
// procedure, due date, assignee and page — read and checked without I/O.
// A value that is not one of the choices is a problem (the page names it and
// uses the default instead); a ward or procedure outside the viewer's scope
// is flagged separately, so the page can refuse it and audit the attempt.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "applications/status.h"
#include "identity/scope.h"
#include "procedures/catalogue.h"

namespace madoguchi::casework {

inline constexpr int kQueuePageSize = 50;
inline constexpr int kMaxQueuePage = 10000;

struct QueueFilter {
  enum class StatusSet { open, all, one };
  enum class Due { any, overdue, soon };
  enum class Assignee { anyone, me, unassigned };

  StatusSet statuses = StatusSet::open;  // open: not yet decided (the default)
  applications::Status status = applications::Status::submitted;  // with StatusSet::one
  std::string ward;       // "" = every ward of the viewer's scope
  std::string procedure;  // "" = every procedure of the viewer's departments
  Due due = Due::any;     // soon: due from today to the end of the "due soon" window
  Assignee assignee = Assignee::anyone;
  int page = 1;
};

// The query parameters as received (absent ones empty).
struct QueueFilterInput {
  std::string status;
  std::string ward;
  std::string procedure;
  std::string due;
  std::string assignee;
  std::string page;
};

struct FilterProblem {
  std::string field;  // the parameter: "status", "ward", …
  std::string code;   // "unknown_value" or "bad_page"
};

struct FilterRead {
  QueueFilter filter;
  std::vector<FilterProblem> problems;
  bool out_of_scope = false;  // the ward or procedure asked for is outside the viewer's scope
};

FilterRead read_queue_filter(const QueueFilterInput& input, const identity::Scope& scope,
                             const procedures::Catalogue& catalogue);

// The parameters of `filter` at `page` as a query string without "?" (defaults left out).
std::string queue_query(const QueueFilter& filter, int page);

// The parameter values, for the filter form.
std::string status_value(const QueueFilter& filter);
std::string due_value(QueueFilter::Due due);
std::string assignee_value(QueueFilter::Assignee assignee);

}  // namespace madoguchi::casework
