#include "casework/queue_reader.h"

#include "casework/approval_rules.h"

namespace madoguchi::casework {

using platform::db::Connection;

QueuePage QueueReader::read(const QueueSqlInput& input) const {
  QueueFilter overdue_filter;
  overdue_filter.ward = input.filter.ward;
  overdue_filter.procedure = input.filter.procedure;
  overdue_filter.due = QueueFilter::Due::overdue;
  QueueSqlInput overdue_input{overdue_filter, input.scope, input.viewer, input.today, input.page_size};
  SqlText rows = queue_rows_sql(input);
  SqlText count = queue_count_sql(input);
  SqlText overdue = queue_count_sql(overdue_input);
  return db_.read([&](Connection& c) {
    QueuePage page;
    for (const auto& r : c.query(rows.sql, rows.params)) {
      if (static_cast<int>(page.rows.size()) == input.page_size) {
        page.has_next = true;
        break;
      }
      QueueRow row;
      row.id = r.integer(0);
      row.reference = r.text(1);
      row.procedure_id = r.text(2);
      row.department = r.text(3);
      row.ward = r.optional_text(4);
      row.channel = r.text(5);
      row.status = applications::status_from_string(r.text(6)).value_or(applications::Status::submitted);
      row.applicant_name = r.text(7);
      row.submitted_at = r.text(8);
      row.due_on = r.optional_text(9);
      row.row_version = static_cast<int>(r.integer(10));
      row.assignee = r.optional_text(11);
      if (auto next = r.optional_integer(12)) row.next_step_index = static_cast<int>(*next);
      if (!r.is_null(13)) row.chain = chain_from_json(r.text(13));
      page.rows.push_back(std::move(row));
    }
    page.total = c.query_one(count.sql, count.params)->integer(0);
    page.overdue = c.query_one(overdue.sql, overdue.params)->integer(0);
    return page;
  });
}

}  // namespace madoguchi::casework
