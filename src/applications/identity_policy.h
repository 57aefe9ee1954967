// IdentityPolicy: whether an application may be submitted by this submitter
// on this channel, given the procedure's identity_assurance. Pure; the
// SubmissionService asks it for every submission, whatever the channel.
//   online   none → anyone; account → a signed-in citizen whose address is
//            confirmed; a My Number card (authentication or signature) → no
//            one yet: this site has no card flow, so how_to_apply() says
//            where to go instead (the counter, with pre-entry where offered,
//            or the post).
//   counter  a signed-in counter clerk, who checked the applicant's identity
//            at the counter (which satisfies every level).
//   mail     a signed-in counter clerk or processor entering a posted form
//            (signed on paper, with its proof of identity enclosed).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "forms/localized_text.h"
#include "identity/audit_entry.h"
#include "identity/role.h"
#include "procedures/procedure.h"

namespace madoguchi::applications {

// Who submits, as far as the request proves it.
struct Submitter {
  enum class Kind { anonymous, citizen, staff };
  Kind kind = Kind::anonymous;
  std::optional<int64_t> citizen_account_id;  // citizen: the signed-in account
  std::string staff_login;                    // staff: who entered it
  identity::RoleSet staff_roles;
  identity::AuditActor actor;                 // for the audit entry of a staff entry

  static Submitter citizen(int64_t account_id);
  static Submitter staff(std::string login, identity::RoleSet roles, identity::AuditActor actor);
  // The actor of the application's "submitted" event: a staff login, or "citizen".
  std::string event_actor() const;
};

enum class IdentityRefusal {
  sign_in_required,            // the procedure needs a citizen account: sign in first
  card_signature_unavailable,  // the procedure needs a My Number card online: not offered yet
  channel_needs_staff,         // counter and mail applications are entered by staff
};

std::optional<IdentityRefusal> identity_refusal(const procedures::Procedure& procedure, procedures::Channel channel,
                                                const Submitter& submitter);

// Whether the procedure needs a My Number card online, which no one can give here yet.
bool online_needs_card(const procedures::Procedure& procedure);

// For a procedure the online channel cannot take (a card is needed): where to
// apply instead, from the channels it offers, in Japanese, English and easy Japanese.
forms::LocalizedText how_to_apply(const procedures::Procedure& procedure);

}  // namespace madoguchi::applications
