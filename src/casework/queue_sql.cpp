#include "casework/queue_sql.h"

#include "platform/time.h"

namespace madoguchi::casework {

namespace {

// "a.col = ?" or "a.col IN (?, ?, …)" for a set of codes; a condition no row
// meets for none (a scope emptied of every code covers nothing).
void code_set(std::string& where, platform::db::Params& params, const char* column,
              const std::vector<std::string>& codes) {
  if (codes.empty()) {
    where += " AND 1 = 0";
    return;
  }
  where += std::string(" AND ") + column + (codes.size() == 1 ? " = ?" : " IN (");
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes.size() > 1) where += i == 0 ? "?" : ", ?";
    params.emplace_back(codes[i]);
  }
  if (codes.size() > 1) where += ")";
}

// The WHERE clause (after "WHERE 1 = 1") and its parameters.
SqlText conditions(const QueueSqlInput& in) {
  SqlText out;
  const QueueFilter& f = in.filter;
  if (!in.scope.departments.is_all()) code_set(out.sql, out.params, "a.department", in.scope.departments.codes());
  if (!f.ward.empty()) {
    code_set(out.sql, out.params, "a.ward", {f.ward});
  } else if (!in.scope.wards.is_all()) {
    code_set(out.sql, out.params, "a.ward", in.scope.wards.codes());
  }
  switch (f.statuses) {
    case QueueFilter::StatusSet::open:
      out.sql += std::string(" AND ") + kOpenStatusCondition;
      break;
    case QueueFilter::StatusSet::all:
      break;
    case QueueFilter::StatusSet::one:
      out.sql += " AND a.status = ?";
      out.params.emplace_back(std::string(applications::to_string(f.status)));
      break;
  }
  if (!f.procedure.empty()) {
    out.sql += " AND a.procedure_id = ?";
    out.params.emplace_back(f.procedure);
  }
  switch (f.due) {
    case QueueFilter::Due::any:
      break;
    case QueueFilter::Due::overdue:
      out.sql += " AND a.due_on < ?";
      out.params.emplace_back(platform::iso_date(in.today));
      break;
    case QueueFilter::Due::soon:
      out.sql += " AND a.due_on >= ? AND a.due_on <= ?";
      out.params.emplace_back(platform::iso_date(in.today));
      out.params.emplace_back(platform::iso_date(due_soon_until(in.today)));
      break;
  }
  switch (f.assignee) {
    case QueueFilter::Assignee::anyone:
      break;
    case QueueFilter::Assignee::me:
      out.sql += " AND s.assignee = ?";
      out.params.emplace_back(in.viewer);
      break;
    case QueueFilter::Assignee::unassigned:
      out.sql += " AND s.assignee IS NULL";
      break;
  }
  return out;
}

}  // namespace

SqlText queue_rows_sql(const QueueSqlInput& in) {
  SqlText where = conditions(in);
  SqlText out;
  out.sql =
      "SELECT a.id, a.reference, a.procedure_id, a.department, a.ward, a.channel, a.status, a.applicant_name, "
      "a.submitted_at, a.due_on, a.row_version, s.assignee, d.next_step_index, d.chain "
      "FROM applications a "
      "LEFT JOIN casework_assignments s ON s.application_id = a.id "
      "LEFT JOIN casework_drafts d ON d.application_id = a.id AND d.state = 'pending' "
      "WHERE 1 = 1" + where.sql + " ORDER BY a.due_on, a.id LIMIT ? OFFSET ?";
  out.params = std::move(where.params);
  out.params.emplace_back(in.page_size + 1);
  out.params.emplace_back(static_cast<int64_t>(in.filter.page - 1) * in.page_size);
  return out;
}

SqlText queue_count_sql(const QueueSqlInput& in) {
  SqlText where = conditions(in);
  SqlText out;
  out.sql = "SELECT count(*) FROM applications a ";
  if (in.filter.assignee != QueueFilter::Assignee::anyone) {
    out.sql += "LEFT JOIN casework_assignments s ON s.application_id = a.id ";
  }
  out.sql += "WHERE 1 = 1" + where.sql;
  out.params = std::move(where.params);
  return out;
}

}  // namespace madoguchi::casework
