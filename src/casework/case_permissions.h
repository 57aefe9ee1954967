// What staff may do with a case, pure: the roles each action needs and the
// state the case must be in (status, who it is assigned to). Scope — the
// case's department and ward — is identity's in_scope(), checked before any
// of this; the order of approval steps is approval_rules.h.
//
//   view          counter clerk, processor, approver, department admin
//   claim         processor, department admin; a case received, resubmitted or
//                 in review that nobody else holds (department admins take any)
//   assign        department admin; any case not yet decided
//   add_note      processor, approver, department admin; any case
//   request_correction, draft_decision
//                 processor, department admin; in review, and held by the
//                 actor (department admins may act on any)
//   take_step     processor, approver, department admin; awaiting approval
//   mail_centre   processor, department admin
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "applications/status.h"
#include "casework/refusal.h"
#include "identity/role.h"
#include "identity/staff_user.h"

namespace madoguchi::casework {

enum class CaseAction { view, claim, assign, add_note, request_correction, draft_decision, take_step, mail_centre };

std::string_view action_name(CaseAction action);
identity::RoleSet roles_for(CaseAction action);

struct CaseFacts {
  applications::Status status = applications::Status::submitted;
  std::optional<std::string> assignee;  // staff login
};

// Nothing if `user` may do `action` on a case in this state; otherwise why not.
std::optional<Refusal> check_action(const identity::StaffUser& user, CaseAction action, const CaseFacts& facts);

}  // namespace madoguchi::casework
