// QueueReader: the work queue as a read model over the applications table
// (owned by the applications module) joined with casework's assignments and
// pending drafts. Casework keeps this SQL rather than the ApplicationStore
// because the queue is a back-office view: it needs casework's own tables,
// which the applications module must not know. One page of rows, the total,
// and the overdue count, each an index walk (queue_sql.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "applications/status.h"
#include "casework/queue_sql.h"
#include "platform/db/database.h"
#include "procedures/approval.h"

namespace madoguchi::casework {

struct QueueRow {
  int64_t id = 0;
  std::string reference;
  std::string procedure_id;
  std::string department;
  std::optional<std::string> ward;
  std::string channel;
  applications::Status status = applications::Status::submitted;
  std::string applicant_name;
  std::string submitted_at;
  std::optional<std::string> due_on;
  int row_version = 1;
  std::optional<std::string> assignee;
  std::optional<int> next_step_index;  // of the pending draft
  std::vector<procedures::ApprovalStep> chain;
};

struct QueuePage {
  std::vector<QueueRow> rows;
  int64_t total = 0;    // matching cases, all pages
  int64_t overdue = 0;  // open and overdue under the same scope, ward and procedure
  bool has_next = false;
};

class QueueReader {
 public:
  explicit QueueReader(platform::db::Database& database) : db_(database) {}
  QueuePage read(const QueueSqlInput& input) const;

 private:
  platform::db::Database& db_;
};

}  // namespace madoguchi::casework
