#include "applications/submission_service.h"

#include "applications/answer_paths.h"
#include "applications/citizen_mail.h"
#include "platform/log.h"
#include "platform/time.h"

namespace madoguchi::applications {

SubmissionRejected::SubmissionRejected(Reason reason, std::vector<forms::FieldError> errors)
    : std::runtime_error("submission rejected"), reason_(reason), errors_(std::move(errors)) {}

std::string channel_code(procedures::Channel channel) {
  switch (channel) {
    case procedures::Channel::counter_pre_entry:
      return "counter";
    case procedures::Channel::mail:
      return "mail";
    default:
      return "online";
  }
}

std::optional<procedures::Channel> channel_from_code(std::string_view code) {
  if (code == "online") return procedures::Channel::online;
  if (code == "counter") return procedures::Channel::counter_pre_entry;
  if (code == "mail") return procedures::Channel::mail;
  return std::nullopt;
}

SubmissionService::SubmissionService(const procedures::Catalogue& catalogue, ApplicationStore& store,
                                     UploadStore& uploads, const jp::PostalDirectory* postal)
    : catalogue_(catalogue), store_(store), uploads_(uploads), postal_(postal) {}

void SubmissionService::send_confirmations(notify::Outbox& outbox, std::string public_url) {
  outbox_ = &outbox;
  public_url_ = std::move(public_url);
}

void SubmissionService::audit_entries(const identity::AuditLog& audit) { audit_ = &audit; }

forms::ValidationContext SubmissionService::context() const {
  forms::ValidationContext context;
  context.today = platform::today_in_tokyo();
  context.postal_directory = postal_;
  return context;
}

void SubmissionService::resolve_uploads(const procedures::Procedure& procedure, nlohmann::json& answers) {
  if (!answers.is_object()) return;
  procedure.form.for_each_field([&](const forms::Field& field, const std::string& pattern) {
    if (field.type != forms::FieldType::file) return;
    for_each_value(answers, pattern, [&](nlohmann::json& value, const std::string&) {
      if (!value.is_object() || !value.contains("upload_id") || !value["upload_id"].is_string()) return;
      auto upload = uploads_.find(value["upload_id"].get<std::string>());
      if (!upload) return;
      value = {{"upload_id", upload->id},
               {"content_type", upload->media_type},
               {"size", upload->size},
               {"filename", upload->filename}};
    });
  });
}

forms::ValidationResult SubmissionService::check(const procedures::Procedure& procedure, const nlohmann::json& answers,
                                                 const std::optional<std::string>& section) {
  nlohmann::json resolved = answers;
  resolve_uploads(procedure, resolved);
  return section ? forms::validate_section(procedure.form, *section, resolved, context())
                 : forms::validate(procedure.form, resolved, context());
}

SubmitOutcome SubmissionService::submit(const SubmissionRequest& request) {
  using Reason = SubmissionRejected::Reason;
  if (request.idempotency) {
    if (auto first = store_.replay(*request.idempotency)) return {SubmitOutcome::Kind::replayed, *first};
  }
  const procedures::Procedure* procedure = catalogue_.find(request.procedure_id);
  if (!procedure) throw SubmissionRejected(Reason::unknown_procedure);
  if (!procedure->channels.allows(request.channel)) throw SubmissionRejected(Reason::channel_not_offered);
  if (auto refusal = identity_refusal(*procedure, request.channel, request.submitter)) {
    switch (*refusal) {
      case IdentityRefusal::sign_in_required:
        throw SubmissionRejected(Reason::sign_in_required);
      case IdentityRefusal::card_signature_unavailable:
        throw SubmissionRejected(Reason::card_signature_unavailable);
      case IdentityRefusal::channel_needs_staff:
        throw SubmissionRejected(Reason::channel_needs_staff);
    }
  }
  if (request.procedure_version && *request.procedure_version != procedure->version) {
    throw SubmissionRejected(Reason::version_changed);
  }
  auto result = check(*procedure, request.answers);
  if (!result.ok()) throw SubmissionRejected(Reason::invalid_answers, result.errors);

  NewApplication a;
  a.procedure_id = procedure->id;
  a.procedure_version = procedure->version;
  a.department = procedure->department;
  a.channel = channel_code(request.channel);
  a.answers = result.answers;
  a.applicant_name = string_at(a.answers, procedure->applicant.name).value_or("");
  a.applicant_birth_date = string_at(a.answers, procedure->applicant.birth_date);
  if (auto email = string_at(a.answers, procedure->applicant.email)) a.contact_email = *email;
  if (auto address = string_at(a.answers, procedure->applicant.address)) {
    if (const auto* ward = catalogue_.directory().ward_of_address(*address)) a.ward = ward->code;
  }
  a.citizen_account_id = request.citizen_account_id;
  a.submitted_by = request.submitter.event_actor();
  if (request.entered_answers && *request.entered_answers != a.answers) a.entered_answers = request.entered_answers;
  if (auto due = procedures::due_date(*procedure, platform::today_in_tokyo())) a.due_on = platform::iso_date(*due);
  procedure->form.for_each_field([&](const forms::Field& field, const std::string& pattern) {
    if (field.type != forms::FieldType::file) return;
    for_each_value(a.answers, pattern, [&](nlohmann::json& value, const std::string&) {
      if (value.is_object() && value.contains("upload_id")) a.upload_ids.push_back(value["upload_id"].get<std::string>());
    });
  });
  a.within_transaction = [this, &request, procedure, email = a.contact_email, channel = a.channel](
                             platform::db::Connection& c, const Submitted& submitted) {
    if (request.within_transaction) request.within_transaction(c, submitted);
    if (audit_ && request.submitter.kind == Submitter::Kind::staff) {
      audit_->record(c, request.submitter.actor.entry("application_entered", "application", submitted.reference,
                                                       {{"channel", channel}, {"procedure", procedure->id}}));
    }
    if (!outbox_ || !email) return;
    try {
      outbox_->enqueue(c, receipt_mail(*procedure, catalogue_.directory(), submitted, channel, *email,
                                       request.language, public_url_));
    } catch (const notify::InvalidEmail& e) {
      platform::log::warn("applications.receipt_mail.refused", {{"reference", submitted.reference}, {"field", e.field()}});
    }
  };
  return store_.submit(a, request.idempotency);
}

}  // namespace madoguchi::applications
