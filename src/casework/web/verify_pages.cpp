#include "casework/web/verify_pages.h"

#include "applications/display_text.h"
#include "documents/public_key.h"
#include "identity/access_control.h"
#include "platform/http/http_error.h"
#include "platform/http/multipart.h"
#include "platform/http/rate_limiter.h"
#include "platform/time.h"

namespace madoguchi::casework {

using platform::http::HttpError;
using platform::http::Request;
using platform::http::Response;

namespace {

void audit_failure(const CaseworkWeb& web, const Request& request, const VerifyResult& result, bool with_pdf) {
  if (result.authentic()) return;
  web.audit.record(identity::audit_entry_for(request, "document_verification_failed", "document", result.document_id,
                                             {{"outcome", verify_outcome_name(result.outcome)}, {"pdf", with_pdf}}));
}

Response result_page(const CaseworkWeb& web, const Request& request, const std::string& code,
                     const VerifyResult& result, bool checked_pdf, int status) {
  const Language language = web.language(request);
  const bool en = language == Language::en;
  nlohmann::json context = {{"code", code},
                            {"action", "/verify/" + code},
                            {"authentic", result.authentic()},
                            {"outcome", verify_outcome_name(result.outcome)},
                            {"checked_pdf", checked_pdf},
                            {"message", en ? result.message_en : result.message_ja},
                            {"message_en", result.message_en},
                            {"show_english", !en},
                            {"can_check_pdf", result.record.has_value()}};
  if (result.record) {
    auto issued = std::chrono::time_point_cast<std::chrono::system_clock::duration>(result.record->issued_at);
    context["record"] = {{"title", result.record->title},
                         {"recipient", result.record->recipient_name},
                         {"issued_at", applications::format_instant(platform::iso_timestamp(issued), language)},
                         {"document_id", result.record->document_id}};
  }
  std::string heading_key = result.authentic() ? (checked_pdf ? "verify.heading_unchanged" : "verify.heading_authentic")
                                               : (result.outcome == VerifyOutcome::changed ? "verify.heading_changed"
                                                                                           : "verify.heading_failed");
  std::string heading = web.text(request, heading_key);
  context["heading"] = heading;
  return web.page(request, "verify", std::move(heading), std::move(context), status);
}

Response ask(const CaseworkWeb& web, Request& request) {
  auto code = clean_text(request.query_param("code").value_or(""));
  std::string trimmed;
  for (char c : code) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') trimmed += c;
  }
  if (!trimmed.empty()) {
    if (trimmed.size() > 80) trimmed.resize(80);
    return Response::redirect("/verify/" + platform::http::percent_encode(trimmed));
  }
  return web.page(request, "verify_ask", web.text(request, "verify.ask_title"), nlohmann::json::object());
}

Response check(const CaseworkWeb& web, Request& request) {
  std::string code = clean_text(request.param("code")).substr(0, 80);
  VerifyResult result = web.verification.check(code);
  audit_failure(web, request, result, false);
  return result_page(web, request, code, result, false, result.record ? 200 : 404);
}

Response check_upload(const CaseworkWeb& web, Request& request) {
  std::string code = clean_text(request.param("code")).substr(0, 80);
  if (!request.has_content_type("multipart/form-data")) {
    throw platform::http::bad_request("pdf_missing", "確認する PDF ファイルを選んでください。", "Choose the PDF file to check.");
  }
  const platform::http::MultipartPart* file = nullptr;
  auto parts = platform::http::parse_multipart(request.body, platform::http::multipart_boundary(request));
  for (const auto& part : parts) {
    if (part.name == "pdf" && !part.filename.empty()) file = &part;
  }
  if (!file || file->data.empty()) {
    throw platform::http::bad_request("pdf_missing", "確認する PDF ファイルを選んでください。", "Choose the PDF file to check.");
  }
  VerifyResult result = web.verification.check_pdf(code, file->data);
  audit_failure(web, request, result, true);
  return result_page(web, request, code, result, true, result.authentic() ? 200 : 422);
}

Response keys(const CaseworkWeb& web, Request&) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& key : web.verification.public_keys()) list.push_back(nlohmann::json::parse(documents::to_json(key)));
  auto response = Response::json(200, {{"keys", list},
                                       {"signed_input", "madoguchi/document-record/v1"},
                                       {"verify_url", "/verify/{code}"}});
  response.headers.set("Cache-Control", "public, max-age=3600");
  return response;
}

}  // namespace

void register_verify_pages(platform::http::Router& router, const CaseworkWeb& web) {
  using platform::http::rate_limited;
  router.get("/verify", rate_limited(web.verify_limiter, [&web](Request& r) { return ask(web, r); }));
  router.get("/verify/{code}", rate_limited(web.verify_limiter, [&web](Request& r) { return check(web, r); }));
  router.post("/verify/{code}", rate_limited(web.verify_limiter, [&web](Request& r) { return check_upload(web, r); }),
              platform::http::RouteOptions::body_limit(kMaxVerifyUploadBytes));
  router.get("/api/v1/verification-keys", [&web](Request& r) { return keys(web, r); });
}

}  // namespace madoguchi::casework
