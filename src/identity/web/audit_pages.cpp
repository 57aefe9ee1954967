#include "identity/web/audit_pages.h"

#include "identity/audit_filters.h"
#include "identity/web/form.h"
#include "platform/http/url.h"

namespace madoguchi::identity {

namespace {

using platform::http::Request;
using platform::http::Response;

AuditFilterInput read_filters(const Request& request) {
  auto q = [&](const char* name) { return request.query_param(name).value_or(""); };
  return {q("actor"), q("action"), q("subject_id"), q("from"), q("to"), q("page")};
}

std::string page_link(const AuditFilterInput& input, int page) {
  using platform::http::percent_encode;
  std::string query = "actor=" + percent_encode(input.actor) + "&action=" + percent_encode(input.action) +
                      "&subject_id=" + percent_encode(input.subject_id) + "&from=" + percent_encode(input.from) +
                      "&to=" + percent_encode(input.to) + "&page=" + std::to_string(page);
  return "/staff/audit?" + query;
}

nlohmann::json record_json(const AuditRecord& r) {
  return {{"seq", r.seq},
          {"at", tokyo_display_time(r.at)},
          {"actor_kind", r.actor_kind},
          {"actor", r.actor},
          {"action", r.action},
          {"subject_type", r.subject_type},
          {"subject_id", r.subject_id},
          {"detail", r.detail},
          {"ip", r.ip},
          {"request_id", r.request_id}};
}

Response search(const IdentityWeb& web, Request& request) {
  AuditFilterInput input = read_filters(request);
  nlohmann::json context = {{"values",
                             {{"actor", input.actor},
                              {"action", input.action},
                              {"subject_id", input.subject_id},
                              {"from", input.from},
                              {"to", input.to}}}};
  auto parsed = parse_audit_filters(input);
  if (auto* problems = std::get_if<std::vector<FieldProblem>>(&parsed)) {
    FormErrors errors(web.pages.messages(), web.language(request));
    for (const auto& problem : *problems) errors.add(problem);
    errors.into(context);
    return web.page(request, "audit_search", "audit.title", std::move(context), 422);
  }
  const AuditQuery& query = std::get<AuditQuery>(parsed);
  web.audit.record(audit_entry_for(request, "audit_searched", "audit_log", "",
                                   {{"actor", query.actor},
                                    {"action", query.action},
                                    {"subject_id", query.subject_id},
                                    {"from", input.from},
                                    {"to", input.to},
                                    {"page", query.page}}));
  AuditPage page = web.audit.search(query);
  nlohmann::json records = nlohmann::json::array();
  for (const auto& record : page.records) records.push_back(record_json(record));
  context["records"] = records;
  context["has_records"] = !records.empty();
  context["page"] = page.page;
  if (page.page > 1) context["previous_href"] = page_link(input, page.page - 1);
  if (page.has_next) context["next_href"] = page_link(input, page.page + 1);
  return web.page(request, "audit_search", "audit.title", std::move(context));
}

}  // namespace

void register_audit_routes(platform::http::Router& router, const IdentityWeb& web) {
  router.get("/staff/audit", web.access.require_staff([&web](Request& request) { return search(web, request); },
                                                      {Role::auditor, Role::system_admin}));
}

}  // namespace madoguchi::identity
