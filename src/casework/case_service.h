// CaseService: the staff use cases of a case — claim it, assign it, add an
// internal note, return it for correction naming the fields, draft the
// decision, and take the approval steps up to the decision, which issues the
// signed notice. Each change goes through ApplicationStore with the row
// version the page was drawn with, and casework's rows and the audit entry
// are written inside that same transaction: all of it commits, or none.
// The web layer has already checked scope (identity::in_scope); here the
// roles, the case's state and segregation of duties are checked, and
// ActionRefused, CaseChanged or ActionInvalid (case_errors.h) are thrown.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "applications/application_store.h"
#include "casework/case_store.h"
#include "casework/decision.h"
#include "casework/document_store.h"
#include "documents/document_signer.h"
#include "identity/audit_log.h"
#include "identity/staff_accounts.h"
#include "platform/time.h"
#include "procedures/catalogue.h"

namespace madoguchi::casework {

struct ActionContext {
  const identity::StaffUser& user;
  identity::AuditActor actor;
  int expected_row_version = 0;
  int64_t seen_event = 0;  // the last timeline event the page showed
};

struct StepResult {
  bool decided = false;
  std::string document_id;  // when decided
};

struct CaseServiceDependencies {
  applications::ApplicationStore& applications;
  platform::db::Database& database;
  const CaseStore& cases;
  const identity::AuditLog& audit;
  const identity::StaffAccounts& staff;
  const procedures::Catalogue& catalogue;
  const documents::DocumentSigner& signer;
  std::string public_url;  // the base of verification URLs
  std::function<platform::Clock::time_point()> clock;  // defaults to the system clock
};

class CaseService {
 public:
  explicit CaseService(CaseServiceDependencies deps);

  void claim(const applications::Application& application, const ActionContext& context);
  // Department admins hand a case to a processor (or admin) whose scope covers it.
  void assign(const applications::Application& application, const ActionContext& context, const std::string& login);
  void add_note(const applications::Application& application, const ActionContext& context, const std::string& body);
  void request_correction(const applications::Application& application, const ActionContext& context,
                          const std::vector<std::string>& fields, const std::string& message);
  void draft_decision(const applications::Application& application, const ActionContext& context,
                      const DecisionInput& input);
  // approve: the next step approves (the last one decides and issues the
  // notice); otherwise the draft goes back to the processor with `comment`.
  StepResult take_step(const applications::Application& application, const ActionContext& context, bool approve,
                       const std::string& comment);

  // Staff who could be handed this case: enabled processors and department admins in scope.
  std::vector<identity::StaffUser> assignable_staff(const applications::Application& application) const;

 private:
  const procedures::Procedure& procedure_of(const applications::Application& application) const;
  // Runs `change`; turns StaleRevision into CaseChanged and InvalidTransition into ActionRefused.
  template <class Change>
  auto guarded(const applications::Application& application, const ActionContext& context, Change&& change);
  [[noreturn]] void refuse(const ActionContext& context, const applications::Application& application, const Refusal& refusal,
              bool forbidden) const;
  StepResult decide(const applications::Application& application, const ActionContext& context,
                    const DraftRecord& draft, int step_index, const std::string& comment);
  platform::Clock::time_point now() const;

  CaseServiceDependencies deps_;
};

}  // namespace madoguchi::casework
