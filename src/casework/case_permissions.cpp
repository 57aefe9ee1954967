#include "casework/case_permissions.h"

namespace madoguchi::casework {

using applications::Status;
using identity::Role;
using identity::RoleSet;

std::string_view action_name(CaseAction action) {
  switch (action) {
    case CaseAction::view: return "view";
    case CaseAction::claim: return "claim";
    case CaseAction::assign: return "assign";
    case CaseAction::add_note: return "add_note";
    case CaseAction::request_correction: return "request_correction";
    case CaseAction::draft_decision: return "draft_decision";
    case CaseAction::take_step: return "take_step";
    case CaseAction::mail_centre: return "mail_centre";
  }
  return "";
}

RoleSet roles_for(CaseAction action) {
  switch (action) {
    case CaseAction::view: return identity::case_roles();
    case CaseAction::claim:
    case CaseAction::request_correction:
    case CaseAction::draft_decision:
    case CaseAction::mail_centre: return {Role::processor, Role::department_admin};
    case CaseAction::assign: return {Role::department_admin};
    case CaseAction::add_note:
    case CaseAction::take_step: return {Role::processor, Role::approver, Role::department_admin};
  }
  return {};
}

namespace {

Refusal role_refusal() {
  return {"role", "この操作を行う権限がありません。必要な場合は、所属の管理者に相談してください。",
          "You do not have permission to do this. Ask your administrator if you need it."};
}

Refusal status_refusal(Status status) {
  const auto& w = applications::words(status);
  return {"status", "この案件は現在「" + w.ja + "」のため、この操作はできません。",
          "This case is now \"" + w.en + "\", so this cannot be done."};
}

Refusal not_holder(const std::optional<std::string>& assignee) {
  if (!assignee) {
    return {"not_assigned", "この案件はまだ誰も担当していません。先に「担当する」を押してください。",
            "Nobody has taken this case yet. Take it first."};
  }
  return {"assigned_to_other", "この案件は " + *assignee + " さんが担当しています。担当者か所管課管理者が行います。",
          "This case is held by " + *assignee + ". The holder or a department admin does this."};
}

bool open_for_claim(Status s) { return s == Status::submitted || s == Status::resubmitted || s == Status::in_review; }

}  // namespace

std::optional<Refusal> check_action(const identity::StaffUser& user, CaseAction action, const CaseFacts& facts) {
  if (user.disabled || !user.has_any_role(roles_for(action))) return role_refusal();
  const bool admin = user.has_role(Role::department_admin);
  const bool holder = facts.assignee && *facts.assignee == user.login;
  switch (action) {
    case CaseAction::view:
    case CaseAction::add_note:
    case CaseAction::mail_centre:
      return std::nullopt;
    case CaseAction::claim:
      if (!open_for_claim(facts.status)) return status_refusal(facts.status);
      if (holder && facts.status == Status::in_review) {
        return Refusal{"already_yours", "この案件はすでにあなたが担当しています。", "You already hold this case."};
      }
      if (facts.assignee && !holder && !admin) return not_holder(facts.assignee);
      return std::nullopt;
    case CaseAction::assign:
      if (applications::is_final(facts.status)) return status_refusal(facts.status);
      return std::nullopt;
    case CaseAction::request_correction:
    case CaseAction::draft_decision:
      if (facts.status != Status::in_review) return status_refusal(facts.status);
      if (!holder && !admin) return not_holder(facts.assignee);
      return std::nullopt;
    case CaseAction::take_step:
      if (facts.status != Status::awaiting_approval) return status_refusal(facts.status);
      return std::nullopt;
  }
  return role_refusal();
}

}  // namespace madoguchi::casework
