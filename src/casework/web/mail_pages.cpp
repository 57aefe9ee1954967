#include "casework/web/mail_pages.h"

#include "applications/display_text.h"
#include "casework/case_permissions.h"
#include "casework/due_rules.h"
#include "casework/notice_content.h"
#include "casework/web/labels.h"
#include "documents/error.h"
#include "documents/mail_batch.h"
#include "identity/principal.h"
#include "platform/http/http_error.h"
#include "platform/time.h"

namespace madoguchi::casework {

using platform::http::HttpError;
using platform::http::Request;
using platform::http::Response;

namespace {

HttpError bad_date() {
  return HttpError(400, "bad_date", "日付は 2026-11-22 の形で指定してください。", "Give the date as 2026-11-22.");
}

std::string date_in(const std::string& text) {
  if (text.empty()) return platform::iso_date(platform::today_in_tokyo());
  if (!parse_iso_date(text)) throw bad_date();
  return text;
}

Response list(const CaseworkWeb& web, Request& request) {
  const identity::StaffUser& user = *identity::current_staff(request);
  std::string date = date_in(clean_text(request.query_param("date").value_or("")));
  auto documents = web.documents.posted_on(date, user.scope);
  web.audit.record(identity::audit_entry_for(request, "mail_batch_viewed", "mail_batch", date,
                                             {{"count", documents.size()}}));
  Labels labels{web.pages.messages(), web.language(request), web.catalogue};
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : documents) {
    items.push_back({{"reference", d.reference},
                     {"case_href", "/staff/cases/" + d.reference},
                     {"title", d.title},
                     {"recipient", d.notice_model.is_object() ? d.notice_model["recipient"].value("name", "") : ""},
                     {"issued_at", labels.instant(d.issued_at)},
                     {"missing", d.missing_characters}});
  }
  return web.page(request, "mail", labels.text("mail.title"),
                  {{"body_class", "staff-wide"},
                   {"date", date},
                   {"date_label", applications::format_iso_date(date, labels.language)},
                   {"items", items},
                   {"has_items", !items.empty()},
                   {"count", fill(labels.text("mail.count"), {{"n", std::to_string(items.size())}})},
                   {"pdf_href", "/staff/mail/" + date + "/batch.pdf"},
                   {"csv_href", "/staff/mail/" + date + "/manifest.csv"}});
}

documents::MailBatch batch_for(const CaseworkWeb& web, const Request& request, const std::string& date,
                               const char* action) {
  const identity::StaffUser& user = *identity::current_staff(request);
  auto documents = web.documents.posted_on(date, user.scope);
  if (documents.empty()) {
    throw HttpError(404, "no_mail", "この日に郵送する通知書はありません。", "There are no notices to post on this day.");
  }
  std::vector<documents::NoticeModel> notices;
  for (const auto& d : documents) notices.push_back(notice_from_json(d.notice_model));
  web.audit.record(identity::audit_entry_for(request, action, "mail_batch", date, {{"count", notices.size()}}));
  try {
    return documents::render_mail_batch(notices);
  } catch (const documents::DocumentError& e) {
    throw HttpError(422, "mail_batch_failed", e.message_ja() + "（" + e.field() + "）", e.message_en() + " (" + e.field() + ")");
  }
}

Response batch_pdf(const CaseworkWeb& web, Request& request) {
  std::string date = date_in(request.param("date"));
  auto batch = batch_for(web, request, date, "mail_batch_downloaded");
  Response response = Response::text(200, std::move(batch.pdf.bytes), "application/pdf");
  response.headers.set("Content-Disposition", "attachment; filename=\"mail-" + date + ".pdf\"");
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

Response manifest(const CaseworkWeb& web, Request& request) {
  std::string date = date_in(request.param("date"));
  auto batch = batch_for(web, request, date, "mail_manifest_downloaded");
  Response response = Response::text(200, documents::mail_manifest_csv(batch.items), "text/csv; charset=utf-8");
  response.headers.set("Content-Disposition", "attachment; filename=\"mail-" + date + ".csv\"");
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

void register_mail_pages(platform::http::Router& router, const CaseworkWeb& web) {
  const auto roles = roles_for(CaseAction::mail_centre);
  router.get("/staff/mail", web.access.require_staff([&web](Request& r) { return list(web, r); }, roles));
  router.get("/staff/mail/{date}/batch.pdf", web.access.require_staff([&web](Request& r) { return batch_pdf(web, r); }, roles));
  router.get("/staff/mail/{date}/manifest.csv",
             web.access.require_staff([&web](Request& r) { return manifest(web, r); }, roles));
}

}  // namespace madoguchi::casework
