// The SQL of the work queue, built without I/O from a filter and the viewer's
// scope so it can be tested and explained: one page of rows in due-date
// order (oldest first, then by id), and the number of rows in all. Open
// cases are selected with exactly the condition of the partial indexes in
// migrations/0001_casework.sql, so a page is an index walk, never a sort.
#pragma once

#include <string>

#include "casework/due_rules.h"
#include "casework/queue_filter.h"
#include "identity/scope.h"
#include "platform/db/connection.h"

namespace madoguchi::casework {

// The condition of the partial indexes: not yet decided or withdrawn.
inline constexpr const char* kOpenStatusCondition =
    "a.status IN ('submitted', 'in_review', 'correction_requested', 'resubmitted', 'awaiting_approval')";

struct SqlText {
  std::string sql;
  platform::db::Params params;
};

struct QueueSqlInput {
  const QueueFilter& filter;
  const identity::Scope& scope;
  std::string viewer;  // the viewer's login, for assignee=me
  Date today;
  int page_size = kQueuePageSize;
};

// Columns: id, reference, procedure_id, department, ward, channel, status,
// applicant_name, submitted_at, due_on, row_version, assignee, next_step_index,
// chain. One row more than page_size when there is a next page.
SqlText queue_rows_sql(const QueueSqlInput& input);
// One column: the number of matching cases.
SqlText queue_count_sql(const QueueSqlInput& input);

}  // namespace madoguchi::casework
