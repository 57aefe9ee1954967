#include "casework/case_service.h"

#include <algorithm>

#include "casework/approval_rules.h"
#include "casework/case_errors.h"
#include "casework/case_permissions.h"
#include "casework/correction_rules.h"
#include "casework/notice_content.h"
#include "documents/error.h"
#include "documents/issue.h"
#include "documents/notice_checks.h"
#include "identity/access.h"
#include "jp/unicode.h"

namespace madoguchi::casework {

using applications::Application;
using applications::ChangeOptions;
using applications::Status;
using platform::db::Connection;

namespace {

constexpr size_t kMaxNoteCharacters = 4000;
constexpr size_t kMaxCommentCharacters = 1000;

std::string trimmed(const std::string& text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
}

const char* step_code(procedures::ApprovalStepKind kind) {
  switch (kind) {
    case procedures::ApprovalStepKind::draft: return "draft";
    case procedures::ApprovalStepKind::review: return "review";
    case procedures::ApprovalStepKind::decision: return "decision";
  }
  return "";
}

}  // namespace

CaseService::CaseService(CaseServiceDependencies deps) : deps_(std::move(deps)) {
  if (!deps_.clock) deps_.clock = [] { return platform::Clock::now(); };
}

platform::Clock::time_point CaseService::now() const { return deps_.clock(); }

const procedures::Procedure& CaseService::procedure_of(const Application& application) const {
  const auto* procedure = deps_.catalogue.find(application.procedure_id);
  if (!procedure) {
    throw ActionRefused({"unknown_procedure", "この案件の手続は現在のカタログにありません。システム管理者に連絡してください。",
                         "This case's procedure is no longer in the catalogue. Contact the system administrator."},
                        false);
  }
  return *procedure;
}

void CaseService::refuse(const ActionContext& context, const Application& application, const Refusal& refusal,
                         bool forbidden) const {
  deps_.audit.record(context.actor.entry(forbidden ? "access_denied" : "case_action_refused", "application",
                                         application.reference, {{"reason", refusal.code}}));
  throw ActionRefused(refusal, forbidden);
}

template <class Change>
auto CaseService::guarded(const Application& application, const ActionContext& context, Change&& change) {
  try {
    return change();
  } catch (const applications::StaleRevision&) {
    auto current = deps_.applications.find_by_id(application.id).value_or(application);
    std::vector<applications::ApplicationEvent> changes;
    for (auto& event : deps_.applications.events(application.id)) {
      if (event.id > context.seen_event) changes.push_back(std::move(event));
    }
    deps_.audit.record(context.actor.entry("case_action_stale", "application", application.reference,
                                           {{"expected_row_version", context.expected_row_version},
                                            {"row_version", current.row_version}}));
    throw CaseChanged(std::move(current), std::move(changes));
  } catch (const applications::InvalidTransition&) {
    auto current = deps_.applications.find_by_id(application.id).value_or(application);
    const auto& w = applications::words(current.status);
    refuse(context, application,
           {"status", "この案件は現在「" + w.ja + "」のため、この操作はできません。",
            "This case is now \"" + w.en + "\", so this cannot be done."},
           false);
  }
}

void CaseService::claim(const Application& application, const ActionContext& context) {
  CaseRecord record = deps_.cases.load(application.id);
  if (auto refusal = check_action(context.user, CaseAction::claim, {application.status, record.assignee()})) {
    refuse(context, application, *refusal, refusal->code == "role");
  }
  const std::string at = platform::iso_timestamp(now());
  const std::string login = context.user.login;
  ChangeOptions options;
  options.within_transaction = [&](Connection& c, int row_version) {
    CaseStore::assign(c, application.id, login, login, at);
    deps_.audit.record(c, context.actor.entry("case_claimed", "application", application.reference,
                                              {{"row_version", row_version}}));
  };
  guarded(application, context, [&] {
    if (application.status == Status::in_review) {
      return deps_.applications.record_change(application.id, context.expected_row_version, "assigned", login,
                                              {{"assignee", login}}, options);
    }
    return deps_.applications.change_status(application.id, context.expected_row_version, Status::in_review, login,
                                            {{"assignee", login}}, options);
  });
}

std::vector<identity::StaffUser> CaseService::assignable_staff(const Application& application) const {
  std::vector<identity::StaffUser> out;
  for (auto& user : deps_.staff.list()) {
    if (user.disabled) continue;
    if (!user.has_any_role({identity::Role::processor, identity::Role::department_admin})) continue;
    if (!identity::in_scope(user, application.department, application.ward)) continue;
    out.push_back(std::move(user));
  }
  return out;
}

void CaseService::assign(const Application& application, const ActionContext& context, const std::string& login) {
  CaseRecord record = deps_.cases.load(application.id);
  if (auto refusal = check_action(context.user, CaseAction::assign, {application.status, record.assignee()})) {
    refuse(context, application, *refusal, refusal->code == "role");
  }
  auto candidates = assignable_staff(application);
  auto it = std::find_if(candidates.begin(), candidates.end(), [&](const auto& u) { return u.login == login; });
  if (it == candidates.end()) throw ActionInvalid(std::vector<InputProblem>{{"assignee", "not_assignable"}});
  if (record.assignee() == login) throw ActionInvalid(std::vector<InputProblem>{{"assignee", "unchanged"}});
  const std::string at = platform::iso_timestamp(now());
  ChangeOptions options;
  options.within_transaction = [&](Connection& c, int row_version) {
    CaseStore::assign(c, application.id, login, context.user.login, at);
    deps_.audit.record(c, context.actor.entry("case_assigned", "application", application.reference,
                                              {{"assignee", login}, {"row_version", row_version}}));
  };
  guarded(application, context, [&] {
    if (application.status == Status::submitted || application.status == Status::resubmitted) {
      return deps_.applications.change_status(application.id, context.expected_row_version, Status::in_review,
                                              context.user.login, {{"assignee", login}}, options);
    }
    return deps_.applications.record_change(application.id, context.expected_row_version, "assigned",
                                            context.user.login, {{"assignee", login}}, options);
  });
}

void CaseService::add_note(const Application& application, const ActionContext& context, const std::string& body) {
  if (auto refusal = check_action(context.user, CaseAction::add_note, {application.status, std::nullopt})) {
    refuse(context, application, *refusal, true);
  }
  std::string text = trimmed(body);
  if (text.empty()) throw ActionInvalid(std::vector<InputProblem>{{"note", "missing"}});
  if (character_count(text) > kMaxNoteCharacters) throw ActionInvalid(std::vector<InputProblem>{{"note", "too_long"}});
  const std::string at = platform::iso_timestamp(now());
  deps_.database.write([&](Connection& c) {
    const int64_t note_id = CaseStore::add_note(c, application.id, context.user.login, text, at);
    deps_.audit.record(c, context.actor.entry("case_note_added", "application", application.reference,
                                              {{"note_id", note_id}}));
  });
}

void CaseService::request_correction(const Application& application, const ActionContext& context,
                                     const std::vector<std::string>& fields, const std::string& message) {
  CaseRecord record = deps_.cases.load(application.id);
  if (auto refusal =
          check_action(context.user, CaseAction::request_correction, {application.status, record.assignee()})) {
    refuse(context, application, *refusal, refusal->code == "role");
  }
  const auto& procedure = procedure_of(application);
  std::vector<std::string> unknown;
  auto named = checked_field_names(procedure, fields, unknown);
  std::vector<InputProblem> problems;
  if (named.empty() || !unknown.empty()) problems.push_back({"fields", named.empty() ? "missing" : "unknown"});
  std::string text = trimmed(message);
  if (text.empty()) problems.push_back({"message", "missing"});
  if (character_count(text) > kMaxCorrectionMessage) problems.push_back({"message", "too_long"});
  if (!problems.empty()) throw ActionInvalid(problems);
  const std::string at = platform::iso_timestamp(now());
  ChangeOptions options;
  options.within_transaction = [&](Connection& c, int row_version) {
    CaseStore::add_correction(c, application.id, named, text, context.user.login, at);
    deps_.audit.record(c, context.actor.entry("case_correction_requested", "application", application.reference,
                                              {{"fields", named}, {"row_version", row_version}}));
  };
  guarded(application, context, [&] {
    return deps_.applications.change_status(application.id, context.expected_row_version,
                                            Status::correction_requested, context.user.login, {{"fields", named}},
                                            options);
  });
}

void CaseService::draft_decision(const Application& application, const ActionContext& context,
                                 const DecisionInput& input) {
  CaseRecord record = deps_.cases.load(application.id);
  if (auto refusal = check_action(context.user, CaseAction::draft_decision, {application.status, record.assignee()})) {
    refuse(context, application, *refusal, refusal->code == "role");
  }
  const auto& procedure = procedure_of(application);
  if (auto refusal = check_drafter(context.user, procedure.approval)) refuse(context, application, *refusal, true);
  DecisionRead read = read_decision(input);
  if (!read.draft) {
    std::vector<InputProblem> problems;
    for (const auto& p : read.problems) problems.push_back({p.field, p.code});
    throw ActionInvalid(problems);
  }
  // The notice must be printable as drafted (lengths, characters, the address window).
  try {
    NoticeInput notice{application, procedure, deps_.catalogue.directory(), *read.draft,
                       platform::tokyo_date(now())};
    auto model = notice_model(notice);
    model.verification_url = "https://example.invalid/verify/0000000000000000.0000000000000000";
    documents::checked_notice(model, read.draft->delivery == Delivery::post ? documents::Delivery::by_post
                                                                             : documents::Delivery::any);
  } catch (const documents::DocumentError& e) {
    throw ActionInvalid(std::vector<InputProblem>{}, e.message_ja(), e.message_en());
  }
  const std::string at = platform::iso_timestamp(now());
  ChangeOptions options;
  options.within_transaction = [&](Connection& c, int row_version) {
    CaseStore::add_draft(c, application.id, *read.draft, procedure.approval, context.user.login, at);
    deps_.audit.record(c, context.actor.entry("case_decision_drafted", "application", application.reference,
                                              {{"outcome", outcome_name(read.draft->outcome)},
                                               {"delivery", delivery_name(read.draft->delivery)},
                                               {"row_version", row_version}}));
  };
  guarded(application, context, [&] {
    return deps_.applications.change_status(application.id, context.expected_row_version, Status::awaiting_approval,
                                            context.user.login,
                                            {{"outcome", outcome_name(read.draft->outcome)}}, options);
  });
}

StepResult CaseService::take_step(const Application& application, const ActionContext& context, bool approve,
                                  const std::string& comment) {
  CaseRecord record = deps_.cases.load(application.id);
  if (auto refusal = check_action(context.user, CaseAction::take_step, {application.status, record.assignee()})) {
    refuse(context, application, *refusal, refusal->code == "role");
  }
  const DraftRecord* draft = record.pending_draft();
  if (!draft) {
    refuse(context, application, {"no_pending_step", "決裁を待っている段階がありません。", "No approval step is waiting."},
           false);
  }
  ApprovalProgress progress = draft->progress();
  if (auto refusal = check_next_step(context.user, progress)) {
    refuse(context, application, *refusal, refusal->code != "no_pending_step");
  }
  const int index = *progress.next_index();
  std::string text = trimmed(comment);
  if (!approve && text.empty()) throw ActionInvalid(std::vector<InputProblem>{{"comment", "missing"}});
  if (character_count(text) > kMaxCommentCharacters) throw ActionInvalid(std::vector<InputProblem>{{"comment", "too_long"}});
  if (approve && progress.decides(index)) return decide(application, context, *draft, index, text);

  const auto kind = draft->chain[static_cast<size_t>(index)].kind;
  const std::string at = platform::iso_timestamp(now());
  ActRecord act{index, kind, context.user.login, approve ? "approved" : "returned", text, at};
  ChangeOptions options;
  const int64_t draft_id = draft->id;
  options.within_transaction = [&](Connection& c, int row_version) {
    CaseStore::add_act(c, draft_id, act, approve ? std::nullopt : std::optional<std::string>("returned"));
    deps_.audit.record(c, context.actor.entry(approve ? "case_step_approved" : "case_draft_returned", "application",
                                              application.reference,
                                              {{"step", step_code(kind)}, {"step_index", index},
                                               {"row_version", row_version}}));
  };
  guarded(application, context, [&] {
    if (approve) {
      return deps_.applications.record_change(application.id, context.expected_row_version, "approval_step",
                                              context.user.login, {{"step", step_code(kind)}, {"step_index", index}},
                                              options);
    }
    return deps_.applications.change_status(application.id, context.expected_row_version, Status::in_review,
                                            context.user.login, {{"returned_at_step", step_code(kind)}}, options);
  });
  return {};
}

StepResult CaseService::decide(const Application& application, const ActionContext& context, const DraftRecord& draft,
                               int index, const std::string& comment) {
  const auto& procedure = procedure_of(application);
  const auto issued = now();
  const auto issued_seconds = std::chrono::time_point_cast<std::chrono::seconds>(issued);
  NoticeInput input{application, procedure, deps_.catalogue.directory(), draft.decision, platform::tokyo_date(issued)};
  documents::IssuedNotice notice;
  documents::NoticeModel model = notice_model(input);
  try {
    notice = documents::issue_notice(deps_.signer, model, deps_.public_url, issued_seconds);
  } catch (const documents::DocumentError& e) {
    throw ActionInvalid(std::vector<InputProblem>{}, e.message_ja(), e.message_en());
  }
  model.verification_url = notice.verification_url;
  IssuedDocument document;
  document.document_id = notice.record.record.document_id;
  document.application_id = application.id;
  document.draft_id = draft.id;
  document.outcome = draft.decision.outcome;
  document.title = model.title;
  document.signed_record = documents::to_json(notice.record);
  document.pdf = std::move(notice.pdf.bytes);
  document.notice_model = notice_to_json(model);
  document.delivery = draft.decision.delivery;
  document.department = application.department;
  document.ward = application.ward;
  for (char32_t c : notice.pdf.missing_characters) jp::append_utf8(document.missing_characters, c);
  document.issued_at = platform::iso_timestamp(issued);
  document.issued_on = platform::iso_date(platform::tokyo_date(issued));

  const Status to = draft.decision.outcome == Outcome::approve ? Status::approved : Status::rejected;
  ActRecord act{index, draft.chain[static_cast<size_t>(index)].kind, context.user.login, "approved", comment,
                document.issued_at};
  ChangeOptions options;
  options.within_transaction = [&](Connection& c, int row_version) {
    CaseStore::add_act(c, draft.id, act, std::string("decided"));
    DocumentStore::insert(c, document);
    deps_.audit.record(c, context.actor.entry("case_decided", "application", application.reference,
                                              {{"outcome", outcome_name(draft.decision.outcome)},
                                               {"document_id", document.document_id},
                                               {"delivery", delivery_name(document.delivery)},
                                               {"row_version", row_version}}));
  };
  guarded(application, context, [&] {
    return deps_.applications.change_status(application.id, context.expected_row_version, to, context.user.login,
                                            {{"outcome", outcome_name(draft.decision.outcome)},
                                             {"document_id", document.document_id}},
                                            options);
  });
  return {true, document.document_id};
}

}  // namespace madoguchi::casework
