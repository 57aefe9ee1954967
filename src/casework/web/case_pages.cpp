#include "casework/web/case_pages.h"

#include <charconv>

#include "applications/reference.h"
#include "casework/case_permissions.h"
#include "casework/web/case_view.h"
#include "casework/web/labels.h"
#include "identity/principal.h"
#include "platform/http/http_error.h"

namespace madoguchi::casework {

using applications::Application;
using platform::http::HttpError;
using platform::http::Request;
using platform::http::Response;

namespace {

HttpError case_not_found() {
  return HttpError(404, "case_not_found", "この受付番号の案件はありません。受付番号を確かめてください。",
                   "There is no case with this reference. Check the reference.");
}

// The case named in the path, if the viewer's scope covers it (403 and audited otherwise).
Application scoped_case(const CaseworkWeb& web, const Request& request) {
  auto reference = applications::parse_reference(request.param("reference"));
  if (!reference) throw case_not_found();
  auto application = web.applications.find(*reference);
  if (!application) throw case_not_found();
  web.access.require_in_scope(request, application->department, application->ward, "application",
                              application->reference);
  return std::move(*application);
}

int revision_param(const Request& request) {
  auto text = request.query_param("revision").value_or("");
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && value > 0 ? value : 0;
}

Response show(const CaseworkWeb& web, const Request& request, const Application& application, int revision,
              const PostedForm* posted, int status) {
  const identity::StaffUser& viewer = *identity::current_staff(request);
  nlohmann::json view = case_view(web, request, {application, viewer, revision, posted});
  if (auto notice = request.query_param("notice")) {
    static const char* kNotices[] = {"claimed", "assigned", "noted", "correction_requested", "drafted",
                                     "step_approved", "decided", "returned"};
    for (const char* known : kNotices) {
      if (*notice == known) view["notice"] = web.text(request, std::string("notices.") + known);
    }
  }
  std::string title = application.reference + " " + web.text(request, "case.title");
  if (posted) title = web.text(request, "case.error_title_prefix") + title;
  return web.page(request, "case", title, std::move(view), status);
}

Response case_page(const CaseworkWeb& web, Request& request) {
  Application application = scoped_case(web, request);
  int revision = revision_param(request);
  web.audit.record(identity::audit_entry_for(request, "case_viewed", "application", application.reference,
                                             {{"revision", revision}, {"row_version", application.row_version}}));
  return show(web, request, application, revision, nullptr, 200);
}

Response attachment(const CaseworkWeb& web, Request& request) {
  Application application = scoped_case(web, request);
  auto upload = web.uploads.find(request.param("upload"));
  if (!upload || upload->application_id != application.id) {
    throw HttpError(404, "attachment_not_found", "この案件にその添付ファイルはありません。",
                    "This case has no such attachment.");
  }
  web.audit.record(identity::audit_entry_for(request, "case_attachment_viewed", "application", application.reference,
                                             {{"upload_id", upload->id}, {"media_type", upload->media_type}}));
  Response response;
  response.body = web.uploads.content(*upload);
  response.headers.set("Content-Type", upload->media_type);
  response.headers.set("Content-Disposition", "inline; filename*=UTF-8''" + platform::http::percent_encode(upload->filename));
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

Response notice_pdf(const CaseworkWeb& web, Request& request) {
  Application application = scoped_case(web, request);
  auto document = web.documents.latest_for(application.id, true);
  if (!document) {
    throw HttpError(404, "notice_not_found", "この案件の通知書はまだ発行されていません。", "No notice has been issued for this case yet.");
  }
  web.audit.record(identity::audit_entry_for(request, "notice_downloaded", "application", application.reference,
                                             {{"document_id", document->document_id}}));
  Response response = Response::text(200, document->pdf, "application/pdf");
  response.headers.set("Content-Disposition", "inline; filename=\"" + application.reference + "-notice.pdf\"");
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

using ActionBody = std::function<std::string(const Application&, const ActionContext&, const platform::http::FormFields&)>;

// Runs one action post: scope, row version, the use case, then back to the case page.
Response act(const CaseworkWeb& web, Request& request, const std::string& form, const ActionBody& body) {
  Application application = scoped_case(web, request);
  auto fields = posted_fields(request);
  auto row_version = posted_number(fields, "row_version");
  if (!row_version) {
    throw platform::http::bad_request("row_version_missing", "フォームが古いか壊れています。案件の画面を開き直してください。",
                                      "The form is out of date or damaged. Open the case page again.");
  }
  const identity::StaffUser& user = *identity::current_staff(request);
  ActionContext context{user, identity::audit_actor(request), static_cast<int>(*row_version),
                        posted_number(fields, "seen_event").value_or(0)};
  const std::string back = "/staff/cases/" + application.reference;
  try {
    std::string notice = body(application, context, fields);
    return Response::redirect(back + "?notice=" + notice);
  } catch (const ActionRefused& e) {
    return web.refused(request, e, back);
  } catch (const CaseChanged& e) {
    return web.changed(request, e);
  } catch (const ActionInvalid& e) {
    PostedForm posted{form, e.problems(), e.message_ja(), e.message_en(), fields};
    return show(web, request, application, 0, &posted, 422);
  }
}

void post(platform::http::Router& router, const CaseworkWeb& web, const std::string& path, const std::string& form,
          CaseAction action, ActionBody body) {
  router.post("/staff/cases/{reference}/" + path,
              web.access.require_staff([&web, form, body = std::move(body)](Request& r) { return act(web, r, form, body); },
                                       roles_for(action)));
}

}  // namespace

void register_case_pages(platform::http::Router& router, const CaseworkWeb& web) {
  const auto viewers = roles_for(CaseAction::view);
  router.get("/staff/cases/{reference}", web.access.require_staff([&web](Request& r) { return case_page(web, r); }, viewers));
  router.get("/staff/cases/{reference}/files/{upload}",
             web.access.require_staff([&web](Request& r) { return attachment(web, r); }, viewers));
  router.get("/staff/cases/{reference}/notice.pdf",
             web.access.require_staff([&web](Request& r) { return notice_pdf(web, r); }, viewers));

  post(router, web, "claim", "claim", CaseAction::claim, [&web](const Application& a, const ActionContext& c, const auto&) {
    web.service.claim(a, c);
    return std::string("claimed");
  });
  post(router, web, "assign", "assign", CaseAction::assign, [&web](const Application& a, const ActionContext& c, const auto& f) {
    web.service.assign(a, c, posted(f, "assignee"));
    return std::string("assigned");
  });
  post(router, web, "notes", "note", CaseAction::add_note, [&web](const Application& a, const ActionContext& c, const auto& f) {
    web.service.add_note(a, c, posted(f, "note"));
    return std::string("noted");
  });
  post(router, web, "correction", "correction", CaseAction::request_correction,
       [&web](const Application& a, const ActionContext& c, const auto& f) {
         web.service.request_correction(a, c, posted_all(f, "fields"), posted(f, "message"));
         return std::string("correction_requested");
       });
  post(router, web, "decision", "decision", CaseAction::draft_decision,
       [&web](const Application& a, const ActionContext& c, const auto& f) {
         web.service.draft_decision(a, c,
                                    {posted(f, "outcome"), posted(f, "reason"), posted(f, "delivery"),
                                     posted(f, "postal_code"), posted(f, "address")});
         return std::string("drafted");
       });
  post(router, web, "approval", "step", CaseAction::take_step,
       [&web](const Application& a, const ActionContext& c, const auto& f) {
         std::string choice = posted(f, "act");
         if (choice != "approve" && choice != "return") throw ActionInvalid(std::vector<InputProblem>{{"act", "missing"}});
         auto result = web.service.take_step(a, c, choice == "approve", posted(f, "comment"));
         return std::string(choice == "return" ? "returned" : (result.decided ? "decided" : "step_approved"));
       });
}

}  // namespace madoguchi::casework
