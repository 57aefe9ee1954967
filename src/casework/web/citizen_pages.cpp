#include "casework/web/citizen_pages.h"

#include <algorithm>
#include <chrono>

#include "applications/answer_paths.h"
#include "applications/display_text.h"
#include "applications/form_page.h"
#include "applications/form_state.h"
#include "applications/reference.h"
#include "applications/web/page_post.h"
#include "casework/correction_rules.h"
#include "forms/form_post.h"
#include "identity/principal.h"
#include "platform/http/http_error.h"
#include "platform/time.h"

namespace madoguchi::casework {

using applications::Application;
using platform::http::HttpError;
using platform::http::Request;
using platform::http::Response;

namespace {

bool may_view(const CaseworkWeb& web, const Request& request, const Application& application) {
  if (const auto* citizen = identity::current_citizen(request)) {
    if (application.citizen_account_id == citizen->id) return true;
  }
  auto granted = web.grants.read(request.cookie(applications::kStatusGrantCookie).value_or(""), platform::Clock::now());
  return std::find(granted.begin(), granted.end(), application.reference) != granted.end();
}

// Refusals are audited one by one up to this many per client in a window;
// past that the client is answered 429 and one entry says so, so asking
// again and again cannot grow the audit log without limit.
const applications::AttemptLimit kAuditedRefusals{"refused_client", 10, std::chrono::minutes(15)};

// The applicant's application named in the path; anyone else is refused and audited.
Application own_application(const CaseworkWeb& web, const Request& request) {
  auto reference = applications::parse_reference(request.param("reference"));
  auto application = reference ? web.applications.find(*reference) : std::nullopt;
  if (application && may_view(web, request, *application)) return std::move(*application);
  const int refusals = web.attempts.record_failure(kAuditedRefusals, request.remote_address);
  if (refusals > kAuditedRefusals.max_failures) {
    if (refusals == kAuditedRefusals.max_failures + 1) {
      web.audit.record(identity::audit_entry_for(
          request, "access_denied_limited", "route", request.route,
          {{"refusals", refusals},
           {"window_minutes", std::chrono::duration_cast<std::chrono::minutes>(kAuditedRefusals.window).count()}}));
    }
    const auto wait = static_cast<int>(web.attempts.retry_after(kAuditedRefusals, request.remote_address).count());
    throw HttpError(429, "too_many_refusals",
                    "表示できない申請へのアクセスが続いたため、しばらく受け付けを止めています。時間をおいてから、もう一度お試しください。",
                    "Too many requests for applications that cannot be shown. Please wait a while and try again.",
                    {{"retry_after_seconds", std::max(1, wait)}});
  }
  web.audit.record(identity::audit_entry_for(request, "access_denied", "application", reference.value_or(""),
                                             {{"reason", application ? "not_applicant" : "unknown_reference"},
                                              {"route", request.route}}));
  throw HttpError(403, "not_your_application",
                  "この申請を表示できません。ご本人の申請は、「申請状況の確認」で受付番号と確認コードを"
                  "入力してから開いてください。",
                  "This application cannot be shown. To open your own application, enter its reference and its status "
                  "code on the \"Check your application\" page first.");
}

Response nothing_to_correct(const CaseworkWeb& web, const Request& request, const Application& application) {
  return web.page(request, "correction_closed", web.text(request, "correction.closed_title"),
                  {{"status_href", "/status/" + application.reference}}, 409);
}

struct CorrectionPage {
  const Application& application;
  const CorrectionRecord& correction;
  nlohmann::json answers;  // as entered
  std::vector<forms::FieldError> errors;
  std::vector<std::string> notices;
};

Response show(const CaseworkWeb& web, const Request& request, const CorrectionPage& in, int status) {
  const Language language = web.language(request);
  const auto* procedure = web.catalogue.find(in.application.procedure_id);
  if (!procedure) throw platform::http::not_found();
  forms::LocalizedText title{web.pages.messages().text(platform::web::Language::ja, "casework.correction.fields_heading"),
                             web.pages.messages().text(platform::web::Language::en, "casework.correction.fields_heading"),
                             web.pages.messages().text(platform::web::Language::easy, "casework.correction.fields_heading")};
  forms::Section section = correction_section(*procedure, in.correction.fields, title);
  auto effective = web.submissions.check(*procedure, in.answers);
  applications::FormState state(procedure->form, effective.answers, platform::today_in_tokyo());
  nlohmann::json model = applications::form_page_model({*procedure, section, state, in.answers, in.errors, language});
  nlohmann::json labels = nlohmann::json::array();
  for (const auto& field : section.fields) labels.push_back(applications::pick(field.label, language));
  nlohmann::json notices = nlohmann::json::array();
  for (const auto& text : in.notices) notices.push_back({{"kind", "error"}, {"text", text}});
  std::string heading = web.text(request, "correction.title");
  if (!in.errors.empty()) heading = web.text(request, "correction.error_title_prefix") + heading;
  return web.page(request, "correction", heading,
                  {{"reference", in.application.reference},
                   {"procedure", applications::pick(procedure->name, language)},
                   {"message", in.correction.message},
                   {"requested_at", applications::format_instant(in.correction.requested_at, language)},
                   {"field_labels", labels},
                   {"fields", model["fields"]},
                   {"error_summary", model["error_summary"]},
                   {"has_errors", !model["error_summary"].empty()},
                   {"multipart", model["has_files"]},
                   {"has_repeats", model["has_repeats"]},
                   {"notices", notices},
                   {"row_version", in.application.row_version},
                   {"action", "/status/" + in.application.reference + "/correction"},
                   {"status_href", "/status/" + in.application.reference},
                   {"scripts", nlohmann::json::array({"/static/js/form.js"})}},
                  status);
}

Response correction_get(const CaseworkWeb& web, Request& request) {
  Application application = own_application(web, request);
  CaseRecord record = web.cases.load(application.id);
  const CorrectionRecord* correction = record.open_correction();
  if (application.status != applications::Status::correction_requested || !correction) {
    return nothing_to_correct(web, request, application);
  }
  return show(web, request, {application, *correction, application.answers, {}, {}}, 200);
}

// Saves the files chosen for named file questions into `answers`; keeps files already attached
// unless they were replaced or removed. Problems become field errors; new upload ids are collected.
std::vector<forms::FieldError> attach_files(const CaseworkWeb& web, const std::string& client,
                                            const procedures::Procedure& procedure,
                                            const std::vector<std::string>& named,
                                            const applications::PagePost& post, const Application& application,
                                            nlohmann::json& answers, std::vector<std::string>& new_uploads) {
  std::vector<forms::FieldError> errors;
  std::vector<std::string> replaced;
  auto is_named = [&](const std::string& path) {
    return std::find(named.begin(), named.end(), applications::top_level_id(path)) != named.end();
  };
  for (const auto& file : post.files) {
    const forms::Field* field = procedure.form.find_field(applications::path_pattern(file.name));
    if (!field || field->type != forms::FieldType::file || !is_named(file.name)) continue;
    replaced.push_back(file.name);
    if (file.data.size() > field->max_bytes) {
      errors.push_back({file.name, "file_too_large",
                        {"ファイルが大きすぎます。", "The file is too large.", "ファイルが おおきすぎます。"}});
      continue;
    }
    if (web.upload_quota.spend(client)) {
      errors.push_back({file.name, "too_many_uploads", applications::too_many_uploads_message()});
      continue;
    }
    try {
      auto saved = web.uploads.save(file.data, file.filename, file.content_type);
      applications::set_answer(answers, file.name,
                               {{"upload_id", saved.id}, {"content_type", saved.media_type}, {"size", saved.size},
                                {"filename", saved.filename}});
      new_uploads.push_back(saved.id);
    } catch (const applications::UploadRejected& e) {
      errors.push_back({file.name, e.code(), {e.message_ja(), e.message_en(), e.message_ja()}});
    }
  }
  nlohmann::json previous = application.answers;
  procedure.form.for_each_field([&](const forms::Field& field, const std::string& pattern) {
    if (field.type != forms::FieldType::file || !is_named(pattern)) return;
    applications::for_each_value(previous, pattern, [&](nlohmann::json& value, const std::string& path) {
      bool chosen_again = std::find(replaced.begin(), replaced.end(), path) != replaced.end();
      bool removed = std::find(post.remove_files.begin(), post.remove_files.end(), path) != post.remove_files.end();
      if (!chosen_again && !removed && value.is_object()) applications::set_answer(answers, path, value);
    });
  });
  return errors;
}

Response correction_post(const CaseworkWeb& web, Request& request) {
  Application application = own_application(web, request);
  CaseRecord record = web.cases.load(application.id);
  const CorrectionRecord* correction = record.open_correction();
  if (application.status != applications::Status::correction_requested || !correction) {
    return nothing_to_correct(web, request, application);
  }
  const auto* procedure = web.catalogue.find(application.procedure_id);
  if (!procedure) throw platform::http::not_found();
  applications::PagePost post = applications::read_page_post(request);
  nlohmann::json all = forms::answers_from_form_post(procedure->form, post.fields);
  nlohmann::json posted = nlohmann::json::object();
  for (const auto& name : correction->fields) {
    if (all.contains(name)) posted[name] = all[name];
  }
  std::vector<std::string> new_uploads;
  auto file_errors =
      attach_files(web, request.remote_address, *procedure, correction->fields, post, application, posted, new_uploads);
  nlohmann::json entered = merge_corrected(application.answers, posted, correction->fields);

  if (post.action.rfind("add:", 0) == 0 || post.action.rfind("remove:", 0) == 0) {
    const bool add = post.action.rfind("add:", 0) == 0;
    std::string path = post.action.substr(add ? 4 : 7);
    std::optional<size_t> index;
    if (!add) {
      auto colon = path.rfind(':');
      std::string number = colon == std::string::npos ? "" : path.substr(colon + 1);
      if (!number.empty() && number.size() <= 4 && number.find_first_not_of("0123456789") == std::string::npos) {
        index = std::stoul(number);
        path = path.substr(0, colon);
      }
    }
    const forms::Field* group = procedure->form.find_field(applications::path_pattern(path));
    if (group && group->repeat && std::find(correction->fields.begin(), correction->fields.end(),
                                            applications::top_level_id(path)) != correction->fields.end()) {
      nlohmann::json list = nlohmann::json::array();
      if (const auto* existing = applications::answer_at(entered, applications::path_pattern(path),
                                                         applications::path_indices(path));
          existing && existing->is_array()) {
        list = *existing;
      }
      if (add && (!group->max_items || list.size() < group->max_items)) list.push_back(nlohmann::json::object());
      if (!add && index && *index < list.size()) list.erase(list.begin() + static_cast<std::ptrdiff_t>(*index));
      applications::set_answer(entered, path, std::move(list));
    }
    return show(web, request, {application, *correction, entered, {}, {}}, 200);
  }

  int expected = static_cast<int>(posted_number(post.fields, "row_version").value_or(application.row_version));
  try {
    if (!file_errors.empty()) return show(web, request, {application, *correction, entered, file_errors, {}}, 422);
    ResubmitResult result = web.corrections.resubmit(
        {application, *correction, posted, new_uploads, expected, identity::audit_actor(request)});
    if (!result.ok()) return show(web, request, {application, *correction, result.answers, result.errors, {}}, 422);
  } catch (const applications::StaleRevision&) {
    return show(web, request, {application, *correction, entered, {}, {web.text(request, "correction.stale")}}, 409);
  } catch (const applications::InvalidTransition&) {
    return nothing_to_correct(web, request, application);
  } catch (const applications::UploadUnavailable&) {
    return show(web, request, {application, *correction, entered, {}, {web.text(request, "correction.upload_missing")}},
                422);
  }
  return Response::redirect("/status/" + application.reference + "?notice=resubmitted");
}

Response notice_pdf(const CaseworkWeb& web, Request& request) {
  Application application = own_application(web, request);
  auto document = web.documents.latest_for(application.id, true);
  if (!document) {
    throw HttpError(404, "notice_not_found", "この申請の通知書はまだ発行されていません。",
                    "No notice has been issued for this application yet.");
  }
  web.audit.record(identity::audit_entry_for(request, "notice_downloaded", "application", application.reference,
                                             {{"document_id", document->document_id}}));
  Response response = Response::text(200, document->pdf, "application/pdf");
  response.headers.set("Content-Disposition", "attachment; filename=\"" + application.reference + "-notice.pdf\"");
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

void register_citizen_pages(platform::http::Router& router, const CaseworkWeb& web) {
  router.get("/status/{reference}/correction", [&web](Request& r) { return correction_get(web, r); });
  router.post("/status/{reference}/correction", [&web](Request& r) { return correction_post(web, r); },
              platform::http::RouteOptions::body_limit(32 * 1024 * 1024));
  router.get("/status/{reference}/notice.pdf", [&web](Request& r) { return notice_pdf(web, r); });
}

void add_status_notice(const CaseworkWeb& web, const Request& request, nlohmann::json& context) {
  if (request.route != "/status/{reference}") return;
  auto reference = applications::parse_reference(request.param("reference"));
  if (!reference) return;
  auto application = web.applications.find(*reference);
  if (!application || !may_view(web, request, *application)) return;
  const Language language = web.language(request);
  nlohmann::json out = nlohmann::json::object();
  if (application->status == applications::Status::correction_requested) {
    CaseRecord record = web.cases.load(application->id);
    if (const auto* correction = record.open_correction()) {
      const auto* procedure = web.catalogue.find(application->procedure_id);
      nlohmann::json fields = nlohmann::json::array();
      for (const auto& id : correction->fields) {
        const forms::Field* field = procedure ? procedure->form.find_field(id) : nullptr;
        fields.push_back(field ? applications::pick(field->label, language) : id);
      }
      out["correction"] = {{"message", correction->message},
                           {"fields", fields},
                           {"href", "/status/" + application->reference + "/correction"}};
    }
  }
  if (applications::is_final(application->status)) {
    if (auto document = web.documents.latest_for(application->id, false)) {
      out["notice"] = {{"title", document->title},
                       {"issued_at", applications::format_instant(document->issued_at, language)},
                       {"href", "/status/" + application->reference + "/notice.pdf"},
                       {"by_post", document->delivery == Delivery::post}};
    }
  }
  if (request.query_param("notice") == "resubmitted") out["resubmitted"] = true;
  if (!out.empty()) context["casework"] = out;
}

}  // namespace madoguchi::casework
