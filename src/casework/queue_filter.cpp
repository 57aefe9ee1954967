#include "casework/queue_filter.h"

#include <charconv>

#include "platform/http/url.h"

namespace madoguchi::casework {

using applications::Status;

std::string status_value(const QueueFilter& filter) {
  switch (filter.statuses) {
    case QueueFilter::StatusSet::open: return "open";
    case QueueFilter::StatusSet::all: return "all";
    case QueueFilter::StatusSet::one: return std::string(applications::to_string(filter.status));
  }
  return "open";
}

std::string due_value(QueueFilter::Due due) {
  switch (due) {
    case QueueFilter::Due::any: return "";
    case QueueFilter::Due::overdue: return "overdue";
    case QueueFilter::Due::soon: return "soon";
  }
  return "";
}

std::string assignee_value(QueueFilter::Assignee assignee) {
  switch (assignee) {
    case QueueFilter::Assignee::anyone: return "";
    case QueueFilter::Assignee::me: return "me";
    case QueueFilter::Assignee::unassigned: return "unassigned";
  }
  return "";
}

FilterRead read_queue_filter(const QueueFilterInput& input, const identity::Scope& scope,
                             const procedures::Catalogue& catalogue) {
  FilterRead read;
  QueueFilter& f = read.filter;
  auto problem = [&](const char* field, const char* code) { read.problems.push_back({field, code}); };

  if (input.status.empty() || input.status == "open") {
    f.statuses = QueueFilter::StatusSet::open;
  } else if (input.status == "all") {
    f.statuses = QueueFilter::StatusSet::all;
  } else if (auto status = applications::status_from_string(input.status)) {
    f.statuses = QueueFilter::StatusSet::one;
    f.status = *status;
  } else {
    problem("status", "unknown_value");
  }

  if (!input.ward.empty()) {
    if (!catalogue.directory().find_ward(input.ward)) {
      problem("ward", "unknown_value");
    } else if (!scope.wards.contains(input.ward)) {
      read.out_of_scope = true;
    } else {
      f.ward = input.ward;
    }
  }

  if (!input.procedure.empty()) {
    const auto* procedure = catalogue.find(input.procedure);
    if (!procedure) {
      problem("procedure", "unknown_value");
    } else if (!scope.departments.contains(procedure->department)) {
      read.out_of_scope = true;
    } else {
      f.procedure = input.procedure;
    }
  }

  if (input.due == "overdue") {
    f.due = QueueFilter::Due::overdue;
  } else if (input.due == "soon") {
    f.due = QueueFilter::Due::soon;
  } else if (!input.due.empty()) {
    problem("due", "unknown_value");
  }

  if (input.assignee == "me") {
    f.assignee = QueueFilter::Assignee::me;
  } else if (input.assignee == "unassigned") {
    f.assignee = QueueFilter::Assignee::unassigned;
  } else if (!input.assignee.empty()) {
    problem("assignee", "unknown_value");
  }

  if (!input.page.empty()) {
    int page = 0;
    auto [end, ec] = std::from_chars(input.page.data(), input.page.data() + input.page.size(), page);
    if (ec != std::errc() || end != input.page.data() + input.page.size() || page < 1 || page > kMaxQueuePage) {
      problem("page", "bad_page");
    } else {
      f.page = page;
    }
  }
  return read;
}

std::string queue_query(const QueueFilter& filter, int page) {
  std::string query;
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    query += (query.empty() ? "" : "&") + std::string(key) + "=" + platform::http::percent_encode(value);
  };
  std::string status = status_value(filter);
  add("status", status == "open" ? "" : status);
  add("ward", filter.ward);
  add("procedure", filter.procedure);
  add("due", due_value(filter.due));
  add("assignee", assignee_value(filter.assignee));
  add("page", page > 1 ? std::to_string(page) : "");
  return query;
}

}  // namespace madoguchi::casework
