#include "casework/correction_service.h"

#include "casework/correction_rules.h"
#include "casework/due_rules.h"

namespace madoguchi::casework {

CorrectionService::CorrectionService(applications::ApplicationStore& store,
                                     applications::SubmissionService& submissions, const identity::AuditLog& audit,
                                     const procedures::Catalogue& catalogue,
                                     std::function<platform::Clock::time_point()> clock)
    : store_(store), submissions_(submissions), audit_(audit), catalogue_(catalogue), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return platform::Clock::now(); };
}

ResubmitResult CorrectionService::resubmit(const ResubmitRequest& request) {
  const auto& application = request.application;
  const auto* procedure = catalogue_.find(application.procedure_id);
  if (!procedure) throw applications::InvalidTransition("unknown procedure " + application.procedure_id);
  ResubmitResult result;
  result.answers = merge_corrected(application.answers, request.posted, request.correction.fields);
  auto checked = submissions_.check(*procedure, result.answers);
  if (!checked.ok()) {
    result.errors = checked.errors;
    return result;
  }
  result.changed = changed_fields(application.answers, checked.answers, request.correction.fields);
  const auto now = clock_();
  const std::string at = platform::iso_timestamp(now);
  applications::ChangeOptions options;
  options.upload_ids = request.upload_ids;
  if (application.due_on) {
    auto due = parse_iso_date(*application.due_on);
    if (due) {
      Date requested = platform::tokyo_date(platform::parse_iso_timestamp(request.correction.requested_at));
      options.due_on = platform::iso_date(extend_for_correction(*due, requested, platform::tokyo_date(now)));
    }
  }
  const int64_t correction_id = request.correction.id;
  // The row version check below makes this the revision the resubmission creates.
  const int revision = static_cast<int>(store_.revisions(application.id).size()) + 1;
  options.within_transaction = [&](platform::db::Connection& c, int row_version) {
    CaseStore::answer_correction(c, correction_id, revision, at);
    audit_.record(c, request.actor.entry("case_resubmitted", "application", application.reference,
                                         {{"fields", request.correction.fields},
                                          {"changed", result.changed},
                                          {"answers_revision", revision},
                                          {"row_version", row_version}}));
  };
  store_.resubmit(application.id, request.expected_row_version, checked.answers, "correction", options);
  return result;
}

}  // namespace madoguchi::casework
