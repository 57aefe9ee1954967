// CorrectionService: the citizen's side of a correction request. Only the
// named answers change: the posted values of those fields replace the
// current ones, every other answer is kept, and the whole form is validated
// again. A good resubmission is stored as a new answers revision (both
// versions stay in the history) with any new files claimed, the request is
// marked answered, the due date moves on by the business days the correction
// took, and the audit log records which fields changed (never their values).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/application_store.h"
#include "applications/submission_service.h"
#include "casework/case_store.h"
#include "forms/field_error.h"
#include "identity/audit_log.h"
#include "platform/time.h"
#include "procedures/catalogue.h"

namespace madoguchi::casework {

struct ResubmitRequest {
  const applications::Application& application;
  const CorrectionRecord& correction;
  nlohmann::json posted;                // the correction page's answers (named fields only are read)
  std::vector<std::string> upload_ids;  // files uploaded on the page
  int expected_row_version = 0;
  identity::AuditActor actor;
};

struct ResubmitResult {
  std::vector<forms::FieldError> errors;  // empty: stored
  nlohmann::json answers;                 // the merged answers as entered, to show again
  std::vector<std::string> changed;       // named fields whose answer changed
  bool ok() const { return errors.empty(); }
};

class CorrectionService {
 public:
  CorrectionService(applications::ApplicationStore& store, applications::SubmissionService& submissions,
                    const identity::AuditLog& audit, const procedures::Catalogue& catalogue,
                    std::function<platform::Clock::time_point()> clock = {});

  // Throws applications::StaleRevision if the case changed meanwhile, InvalidTransition if it is
  // no longer waiting for this correction, UploadUnavailable for a file that went missing.
  ResubmitResult resubmit(const ResubmitRequest& request);

 private:
  applications::ApplicationStore& store_;
  applications::SubmissionService& submissions_;
  const identity::AuditLog& audit_;
  const procedures::Catalogue& catalogue_;
  std::function<platform::Clock::time_point()> clock_;
};

}  // namespace madoguchi::casework
