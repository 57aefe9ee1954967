#include "casework/web/queue_pages.h"

#include "casework/case_permissions.h"
#include "casework/queue_filter.h"
#include "casework/web/labels.h"
#include "identity/principal.h"
#include "platform/time.h"

namespace madoguchi::casework {

using platform::http::Request;
using platform::http::Response;

namespace {

nlohmann::json choice(std::string value, std::string label, bool selected) {
  return {{"value", std::move(value)}, {"label", std::move(label)}, {"selected", selected}};
}

nlohmann::json filter_choices(const Labels& labels, const identity::StaffUser& user, const QueueFilter& f,
                              const procedures::Catalogue& catalogue) {
  using applications::Status;
  const std::string status = status_value(f);
  nlohmann::json statuses = nlohmann::json::array();
  statuses.push_back(choice("open", labels.text("queue.status_open"), status == "open"));
  for (Status s : {Status::submitted, Status::in_review, Status::correction_requested, Status::resubmitted,
                   Status::awaiting_approval, Status::approved, Status::rejected, Status::withdrawn}) {
    std::string code(applications::to_string(s));
    statuses.push_back(choice(code, labels.status(s), status == code));
  }
  statuses.push_back(choice("all", labels.text("queue.status_all"), status == "all"));

  nlohmann::json wards = nlohmann::json::array();
  wards.push_back(choice("", labels.text("queue.ward_all"), f.ward.empty()));
  for (const auto& ward : catalogue.directory().wards) {
    if (user.scope.wards.contains(ward.code)) wards.push_back(choice(ward.code, labels.ward(ward.code), f.ward == ward.code));
  }

  nlohmann::json procedures = nlohmann::json::array();
  procedures.push_back(choice("", labels.text("queue.procedure_all"), f.procedure.empty()));
  for (const auto& p : catalogue.all()) {
    if (user.scope.departments.contains(p.department)) {
      procedures.push_back(choice(p.id, labels.procedure(p.id), f.procedure == p.id));
    }
  }

  nlohmann::json due = nlohmann::json::array();
  for (auto [value, key] : {std::pair{QueueFilter::Due::any, "queue.due_any"}, {QueueFilter::Due::overdue, "queue.due_overdue"},
                            {QueueFilter::Due::soon, "queue.due_soon"}}) {
    due.push_back(choice(due_value(value), labels.text(key), f.due == value));
  }
  nlohmann::json assignee = nlohmann::json::array();
  for (auto [value, key] : {std::pair{QueueFilter::Assignee::anyone, "queue.assignee_any"},
                            {QueueFilter::Assignee::me, "queue.assignee_me"},
                            {QueueFilter::Assignee::unassigned, "queue.assignee_unassigned"}}) {
    assignee.push_back(choice(assignee_value(value), labels.text(key), f.assignee == value));
  }
  return {{"statuses", statuses}, {"wards", wards}, {"procedures", procedures}, {"due", due}, {"assignees", assignee}};
}

nlohmann::json row_json(const Labels& labels, const QueueRow& row, Date today) {
  auto due = row.due_on ? parse_iso_date(*row.due_on) : std::nullopt;
  DueState state = due_state(due, today, applications::is_final(row.status));
  std::string step;
  if (row.status == applications::Status::awaiting_approval && row.next_step_index &&
      *row.next_step_index < static_cast<int>(row.chain.size())) {
    step = fill(labels.text("queue.waiting_for"),
                {{"step", labels.step(row.chain[static_cast<size_t>(*row.next_step_index)].kind)},
                 {"n", std::to_string(*row.next_step_index + 1)},
                 {"of", std::to_string(row.chain.size())}});
  }
  return {{"reference", row.reference},
          {"href", "/staff/cases/" + row.reference},
          {"procedure", labels.procedure(row.procedure_id)},
          {"applicant_name", row.applicant_name},
          {"ward", labels.ward(row.ward)},
          {"channel", labels.channel(row.channel)},
          {"status", labels.status(row.status)},
          {"step", step},
          {"submitted", labels.day_of(row.submitted_at)},
          {"due_on", row.due_on ? labels.day(*row.due_on) : std::string()},
          {"due_iso", row.due_on.value_or("")},
          {"due_state", due_state_name(state)},
          {"due_label", state == DueState::none || state == DueState::on_track ? "" : labels.due(state)},
          {"overdue", state == DueState::overdue},
          {"attention", state == DueState::overdue || state == DueState::due_today},
          {"assignee", row.assignee.value_or("")}};
}

Response queue(const CaseworkWeb& web, Request& request) {
  const identity::StaffUser& user = *identity::current_staff(request);
  auto q = [&](const char* name) { return clean_text(request.query_param(name).value_or("")).substr(0, 100); };
  QueueFilterInput input{q("status"), q("ward"), q("procedure"), q("due"), q("assignee"), q("page")};
  FilterRead read = read_queue_filter(input, user.scope, web.catalogue);
  if (read.out_of_scope) web.access.deny(request, "case_queue", request.path, "scope");
  const QueueFilter& f = read.filter;
  const Date today = platform::today_in_tokyo();
  QueuePage page = web.queue.read({f, user.scope, user.login, today, kQueuePageSize});

  nlohmann::json references = nlohmann::json::array();
  for (const auto& row : page.rows) references.push_back(row.reference);
  web.audit.record(identity::audit_entry_for(request, "case_queue_viewed", "case_queue", "",
                                             {{"status", status_value(f)},
                                              {"ward", f.ward},
                                              {"procedure", f.procedure},
                                              {"due", due_value(f.due)},
                                              {"assignee", assignee_value(f.assignee)},
                                              {"page", f.page},
                                              {"references", references}}));

  Labels labels{web.pages.messages(), web.language(request), web.catalogue};
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : page.rows) rows.push_back(row_json(labels, row, today));
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : read.problems) {
    problems.push_back({{"href", "#filter-" + p.field}, {"message", labels.text("queue.problem." + p.field)}});
  }
  const int64_t first = page.rows.empty() ? 0 : static_cast<int64_t>(f.page - 1) * kQueuePageSize + 1;
  const int64_t last = page.rows.empty() ? 0 : first + static_cast<int64_t>(page.rows.size()) - 1;
  const int64_t pages = std::max<int64_t>(1, (page.total + kQueuePageSize - 1) / kQueuePageSize);
  QueueFilter overdue_filter = f;
  overdue_filter.statuses = QueueFilter::StatusSet::open;
  overdue_filter.due = QueueFilter::Due::overdue;
  nlohmann::json context = {
      {"body_class", "staff-wide"},
      {"choices", filter_choices(labels, user, f, web.catalogue)},
      {"rows", rows},
      {"has_rows", !rows.empty()},
      {"problems", problems},
      {"has_problems", !problems.empty()},
      {"no_scope", user.scope.departments.empty() || user.scope.wards.empty()},
      {"summary", fill(labels.text("queue.summary"), {{"total", std::to_string(page.total)},
                                                      {"first", std::to_string(first)},
                                                      {"last", std::to_string(last)}})},
      {"page_label", fill(labels.text("queue.page_of"), {{"page", std::to_string(f.page)}, {"pages", std::to_string(pages)}})},
      {"overdue_count", page.overdue},
      {"has_overdue", page.overdue > 0},
      {"overdue_text", fill(labels.text("queue.overdue_count"), {{"n", std::to_string(page.overdue)}})},
      {"overdue_href", "/staff/cases?" + queue_query(overdue_filter, 1)},
      {"today", platform::iso_date(today)},
      {"can_mail", !check_action(user, CaseAction::mail_centre, {}).has_value()}};
  if (f.page > 1) context["previous_href"] = "/staff/cases?" + queue_query(f, f.page - 1);
  if (page.has_next) context["next_href"] = "/staff/cases?" + queue_query(f, f.page + 1);
  return web.page(request, "queue", labels.text("queue.title"), std::move(context), problems.empty() ? 200 : 422);
}

}  // namespace

void register_queue_pages(platform::http::Router& router, const CaseworkWeb& web) {
  router.get("/staff/cases", web.access.require_staff([&web](Request& r) { return queue(web, r); },
                                                      roles_for(CaseAction::view)));
}

}  // namespace madoguchi::casework
