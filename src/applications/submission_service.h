// SubmissionService: the one way an application is submitted, whatever the
// channel (JSON API, web form, counter, post). It checks the procedure, the
// channel, who submits against the procedure's identity assurance
// (identity_policy.h) and the version, resolves file answers against real
// uploads, validates with the form engine, derives the applicant, ward and
// due date, and stores it all in one durable transaction (replaying an
// Idempotency-Key's first result). An application entered by staff is
// written to the audit log in that transaction, once audit_entries() is set.
// Once confirmations are turned on, the applicant's confirmation e-mail is
// put in the outbox in that same transaction, so it goes out if and only if
// the application was stored.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/application_store.h"
#include "applications/identity_policy.h"
#include "applications/upload_store.h"
#include "forms/field_error.h"
#include "forms/validation.h"
#include "identity/audit_log.h"
#include "notify/outbox.h"
#include "platform/web/language.h"
#include "procedures/catalogue.h"

namespace madoguchi::jp {
class PostalDirectory;
}

namespace madoguchi::applications {

struct SubmissionRequest {
  std::string procedure_id;
  std::optional<int> procedure_version;  // the version the form was filled for
  nlohmann::json answers;
  procedures::Channel channel = procedures::Channel::online;
  std::optional<int64_t> citizen_account_id;  // the account the application belongs to, if any
  Submitter submitter;                        // who submits it, as the request proves
  std::optional<IdempotencyRequest> idempotency;
  platform::web::Language language = platform::web::Language::ja;  // of the confirmation e-mail
  WithinSubmission within_transaction;  // the caller's own writes that must commit with it
  std::optional<nlohmann::json> entered_answers;  // the citizen's version before the clerk's corrections
};

class SubmissionRejected : public std::runtime_error {
 public:
  enum class Reason {
    unknown_procedure,
    channel_not_offered,
    sign_in_required,
    card_signature_unavailable,
    channel_needs_staff,
    version_changed,
    invalid_answers
  };
  SubmissionRejected(Reason reason, std::vector<forms::FieldError> errors = {});
  Reason reason() const { return reason_; }
  const std::vector<forms::FieldError>& errors() const { return errors_; }

 private:
  Reason reason_;
  std::vector<forms::FieldError> errors_;
};

// "online", "counter" or "mail" as stored and shown.
std::string channel_code(procedures::Channel channel);
std::optional<procedures::Channel> channel_from_code(std::string_view code);

class SubmissionService {
 public:
  SubmissionService(const procedures::Catalogue& catalogue, ApplicationStore& store, UploadStore& uploads,
                    const jp::PostalDirectory* postal);

  // From now on, mail the applicant (when the answers give an e-mail address)
  // a confirmation through `outbox`, with links under `public_url`.
  void send_confirmations(notify::Outbox& outbox, std::string public_url);
  // From now on, record each application staff enter (`application_entered`) in `audit`.
  void audit_entries(const identity::AuditLog& audit);

  // Throws SubmissionRejected, IdempotencyConflict or UploadUnavailable.
  SubmitOutcome submit(const SubmissionRequest& request);

  // Validation only (whole form, or one section), with uploads resolved: the
  // web flow checks each page with this before anything is stored.
  forms::ValidationResult check(const procedures::Procedure& procedure, const nlohmann::json& answers,
                                const std::optional<std::string>& section = std::nullopt);
  forms::ValidationContext context() const;
  // Replaces each file answer's description with the stored upload's (never
  // the client's claim); unknown uploads are left for validation to report.
  void resolve_uploads(const procedures::Procedure& procedure, nlohmann::json& answers);

 private:
  const procedures::Catalogue& catalogue_;
  ApplicationStore& store_;
  UploadStore& uploads_;
  const jp::PostalDirectory* postal_;
  notify::Outbox* outbox_ = nullptr;
  std::string public_url_;
  const identity::AuditLog* audit_ = nullptr;
};

}  // namespace madoguchi::applications
