#include "applications/api_routes.h"

#include <fstream>
#include <sstream>

#include "applications/reference.h"
#include "applications/request_submitter.h"
#include "jp/postal.h"
#include "platform/crypto.h"
#include "platform/http/http_error.h"
#include "platform/http/json_body.h"
#include "platform/http/multipart.h"
#include "procedures/procedure_json.h"

namespace madoguchi::applications {

using platform::http::HttpError;
using platform::http::Request;
using platform::http::Response;

namespace {

HttpError unknown_procedure() {
  return HttpError(404, "unknown_procedure", "その手続きは見つかりませんでした。", "There is no such procedure.");
}

HttpError application_not_found() {
  return HttpError(404, "application_not_found",
                   "受付番号または確認コードが正しくありません。もう一度確かめてください。",
                   "The reference number or the status secret is not right. Please check them.");
}

nlohmann::json localized(const forms::LocalizedText& text) {
  return {{"ja", text.ja}, {"en", text.en}, {"easy", text.easy}};
}

// The hash of what was sent with an Idempotency-Key names who sent it too, so
// a key replays its first result only to the same submitter.
std::optional<IdempotencyRequest> idempotency_of(const Request& request, const Submitter& submitter) {
  auto key = request.header("Idempotency-Key");
  if (!key) return std::nullopt;
  bool printable = !key->empty() && key->size() <= 200;
  for (char c : *key) printable = printable && c > 0x20 && c < 0x7f;
  if (!printable) {
    throw HttpError(400, "invalid_idempotency_key", "Idempotency-Key は 1〜200 文字の英数字記号にしてください。",
                    "Idempotency-Key must be 1 to 200 visible ASCII characters.");
  }
  std::string sent = request.path + "\n" + request.body;
  if (submitter.kind == Submitter::Kind::staff) sent += "\nstaff:" + submitter.staff_login;
  if (submitter.kind == Submitter::Kind::citizen) sent += "\ncitizen:" + std::to_string(*submitter.citizen_account_id);
  return IdempotencyRequest{std::string(*key), platform::crypto::sha256_hex(sent)};
}

nlohmann::json submitted_json(const Submitted& s, const procedures::Procedure& procedure) {
  return {{"reference", s.reference},
          {"status_secret", s.status_secret},
          {"status_url", "/api/v1/applications/" + s.reference},
          {"status", "submitted"},
          {"submitted_at", s.submitted_at},
          {"due_on", s.due_on ? nlohmann::json(*s.due_on) : nlohmann::json(nullptr)},
          {"procedure", {{"id", procedure.id}, {"version", procedure.version}}}};
}

Response submit(const ApiDependencies& deps, Request& request) {
  const auto* procedure = deps.catalogue.find(request.param("id"));
  if (!procedure) throw unknown_procedure();
  auto body = platform::http::parse_json_body(request);
  if (!body.is_object()) {
    throw HttpError(422, "invalid_envelope", "送信データは JSON オブジェクトにしてください。",
                    "The body must be a JSON object: {\"answers\": {...}}.");
  }
  for (const auto& [key, value] : body.items()) {
    if (key != "answers" && key != "procedure_version" && key != "channel") {
      throw HttpError(422, "unknown_envelope_field", "「" + key + "」という項目は受け付けていません。",
                      "Unknown top-level field \"" + key + "\"; send answers, procedure_version and channel only.");
    }
  }
  SubmissionRequest submission;
  submission.procedure_id = procedure->id;
  submission.answers = body.value("answers", nlohmann::json::object());
  if (body.contains("procedure_version")) {
    if (!body["procedure_version"].is_number_integer()) {
      throw HttpError(422, "invalid_procedure_version", "procedure_version は整数にしてください。",
                      "procedure_version must be an integer.");
    }
    submission.procedure_version = body["procedure_version"].get<int>();
  }
  if (body.contains("channel")) {
    auto channel = body["channel"].is_string() ? channel_from_code(body["channel"].get<std::string>()) : std::nullopt;
    if (!channel) {
      throw HttpError(422, "invalid_channel", "channel は online・counter・mail のどれかにしてください。",
                      "channel must be online, counter or mail.");
    }
    submission.channel = *channel;
  }
  submission.submitter = submitter_of(request);
  if (submission.submitter.kind == Submitter::Kind::citizen) {
    submission.citizen_account_id = submission.submitter.citizen_account_id;
  }
  submission.idempotency = idempotency_of(request, submission.submitter);
  try {
    auto outcome = deps.submissions.submit(submission);
    auto response = Response::json(201, submitted_json(outcome.submitted, *procedure));
    response.headers.set("Location", "/api/v1/applications/" + outcome.submitted.reference);
    if (outcome.kind == SubmitOutcome::Kind::replayed) response.headers.set("Idempotent-Replayed", "true");
    return response;
  } catch (const SubmissionRejected& e) {
    switch (e.reason()) {
      case SubmissionRejected::Reason::unknown_procedure:
        throw unknown_procedure();
      case SubmissionRejected::Reason::channel_not_offered:
        throw HttpError(422, "channel_not_offered", "この手続きはその方法では申請できません。",
                        "This procedure cannot be done through that channel.");
      case SubmissionRejected::Reason::sign_in_required:
        throw HttpError(401, "sign_in_required",
                        "この手続きは、メールアドレスを確認済みの仙台市オンライン窓口のアカウントでログインしてから申請してください。",
                        "Sign in with a Sendai City Online Counter account whose e-mail address is confirmed to apply "
                        "for this.");
      case SubmissionRejected::Reason::card_signature_unavailable: {
        auto how = how_to_apply(*procedure);
        nlohmann::json apply_at = nlohmann::json::array();
        if (procedure->channels.counter_pre_entry) apply_at.push_back("counter");
        if (procedure->channels.mail) apply_at.push_back("mail");
        throw HttpError(403, "card_signature_unavailable", how.ja, how.en, {{"apply_at", apply_at}});
      }
      case SubmissionRejected::Reason::channel_needs_staff:
        throw HttpError(403, "channel_needs_staff",
                        "窓口と郵送の申請は、申請者の本人確認をした職員が登録します。オンラインで申請するときは、channel を online にしてください。",
                        "Applications at the counter or by post are entered by staff who checked the applicant's "
                        "identity. To apply online, send channel online.");
      case SubmissionRejected::Reason::version_changed:
        throw HttpError(409, "procedure_version_changed",
                        "申請様式が更新されました。最新の様式で内容を確認して、もう一度送信してください。",
                        "The form has changed since you filled it in. Review your answers on the current form and send again.",
                        {{"current_version", procedure->version}});
      case SubmissionRejected::Reason::invalid_answers:
        throw validation_error(e.errors());
    }
    throw;
  } catch (const IdempotencyConflict&) {
    throw HttpError(422, "idempotency_key_reused",
                    "この Idempotency-Key は別の内容の送信で使われています。",
                    "This Idempotency-Key was already used for a different request.");
  } catch (const UploadUnavailable& e) {
    throw HttpError(422, "upload_unavailable", "添付ファイルが見つからないか、別の申請で使われています。もう一度アップロードしてください。",
                    "An attached file is missing or already used by another application. Upload it again.",
                    {{"upload_id", e.upload_id()}});
  }
}

Response status(const ApiDependencies& deps, Request& request) {
  auto reference = parse_reference(request.param("reference"));
  std::string secret;
  if (auto auth = request.header("Authorization"); auth && auth->rfind("Bearer ", 0) == 0) secret = auth->substr(7);
  if (!reference || secret.empty() || !deps.store.check_status_secret(*reference, secret)) throw application_not_found();
  auto application = deps.store.find(*reference);
  if (!application) throw application_not_found();
  const auto* procedure = deps.catalogue.find(application->procedure_id);
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : deps.store.events(application->id)) {
    const auto& w = words(e.status);
    events.push_back({{"at", e.at}, {"kind", e.kind}, {"status", to_string(e.status)},
                      {"status_label", {{"ja", w.ja}, {"en", w.en}, {"easy", w.easy}}}});
  }
  const auto& w = words(application->status);
  return Response::json(200, {{"reference", application->reference},
                              {"procedure", {{"id", application->procedure_id},
                                             {"version", application->procedure_version},
                                             {"name", procedure ? localized(procedure->name) : nlohmann::json(nullptr)}}},
                              {"channel", application->channel},
                              {"status", to_string(application->status)},
                              {"status_label", {{"ja", w.ja}, {"en", w.en}, {"easy", w.easy}}},
                              {"submitted_at", application->submitted_at},
                              {"updated_at", application->updated_at},
                              {"due_on", application->due_on ? nlohmann::json(*application->due_on) : nlohmann::json(nullptr)},
                              {"events", events}});
}

Response upload(const ApiDependencies& deps, Request& request) {
  auto parts = platform::http::parse_multipart(request.body, platform::http::multipart_boundary(request));
  const platform::http::MultipartPart* file = nullptr;
  for (const auto& part : parts) {
    if (part.name == "file" && !part.filename.empty()) {
      if (file) {
        throw HttpError(422, "one_file_per_upload", "1回に送れるファイルは1つです。", "Send one file per upload.");
      }
      file = &part;
    }
  }
  if (!file) {
    throw HttpError(422, "file_missing", "ファイルが選ばれていません。", "No file was sent (use the form field \"file\").");
  }
  if (auto wait = deps.upload_quota.spend(request.remote_address)) {
    const auto seconds = static_cast<int>(wait->count());
    throw HttpError(429, "too_many_uploads",
                    "この接続からのファイルの送信が多すぎます。" + std::to_string(seconds) +
                        " 秒ほど待ってから、もう一度お試しください。",
                    "Too many files were uploaded from your connection. Please wait about " + std::to_string(seconds) +
                        " seconds and try again.",
                    {{"retry_after_seconds", seconds}});
  }
  try {
    auto saved = deps.uploads.save(file->data, file->filename, file->content_type);
    return Response::json(201, {{"upload_id", saved.id},
                                {"content_type", saved.media_type},
                                {"size", saved.size},
                                {"sha256", saved.sha256},
                                {"filename", saved.filename}});
  } catch (const UploadRejected& e) {
    throw HttpError(422, e.code(), e.message_ja(), e.message_en());
  }
}

Response postal_lookup(const ApiDependencies& deps, Request& request) {
  auto code = jp::normalize_postal_code(request.param("code"));
  if (!code.ok()) throw HttpError(400, code.error().code, code.error().message_ja, code.error().message_en);
  if (!deps.postal) {
    throw HttpError(503, "postal_table_unavailable", "郵便番号の検索は現在使えません。", "Postal code look-up is unavailable.");
  }
  auto found = deps.postal->lookup(code.value());
  if (!found.ok()) throw HttpError(404, found.error().code, found.error().message_ja, found.error().message_en);
  nlohmann::json addresses = nlohmann::json::array();
  for (const auto& a : found.value()) {
    addresses.push_back({{"prefecture", a.prefecture}, {"city", a.city}, {"town", a.town}});
  }
  auto response = Response::json(200, {{"postal_code", jp::format_postal_code(code.value())}, {"addresses", addresses}});
  response.headers.set("Cache-Control", "public, max-age=86400");
  return response;
}

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

HttpError validation_error(const std::vector<forms::FieldError>& errors) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& e : errors) fields.push_back({{"path", e.path}, {"code", e.code}, {"message", localized(e.message)}});
  return HttpError(422, "validation_failed", "入力内容に誤りがあります。各項目のメッセージを確認してください。",
                   "Some answers need correcting; see the message for each field.", {{"fields", fields}});
}

void register_api_routes(platform::http::Router& router, const ApiDependencies& deps) {
  std::string openapi = nlohmann::json::parse(read_text(deps.openapi_file)).dump();
  auto listing = procedures::catalogue_to_json(deps.catalogue).dump();
  router.get("/api/v1/procedures", [listing](Request&) {
    return Response::text(200, listing, "application/json; charset=utf-8");
  });
  router.get("/api/v1/procedures/{id}", [&catalogue = deps.catalogue](Request& request) {
    const auto* procedure = catalogue.find(request.param("id"));
    if (!procedure) throw unknown_procedure();
    return Response::json(200, procedures::procedure_to_json(*procedure, true, &catalogue.directory()));
  });
  router.post("/api/v1/procedures/{id}/applications", [deps](Request& request) { return submit(deps, request); });
  router.get("/api/v1/applications/{reference}", [deps](Request& request) { return status(deps, request); });
  router.post("/api/v1/uploads", [deps](Request& request) { return upload(deps, request); },
              platform::http::RouteOptions::body_limit(deps.max_upload_bytes + 64 * 1024));
  router.get("/api/v1/postal-codes/{code}", [deps](Request& request) { return postal_lookup(deps, request); });
  router.get("/api/v1/openapi.json", [openapi](Request&) {
    return Response::text(200, openapi, "application/json; charset=utf-8");
  }, platform::http::RouteOptions::io_thread());
}

}  // namespace madoguchi::applications
