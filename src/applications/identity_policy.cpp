#include "applications/identity_policy.h"

namespace madoguchi::applications {

using procedures::Channel;
using procedures::IdentityAssurance;

Submitter Submitter::citizen(int64_t account_id) {
  Submitter s;
  s.kind = Kind::citizen;
  s.citizen_account_id = account_id;
  return s;
}

Submitter Submitter::staff(std::string login, identity::RoleSet roles, identity::AuditActor actor) {
  Submitter s;
  s.kind = Kind::staff;
  s.staff_login = std::move(login);
  s.staff_roles = roles;
  s.actor = std::move(actor);
  return s;
}

std::string Submitter::event_actor() const { return kind == Kind::staff ? staff_login : "citizen"; }

std::optional<IdentityRefusal> identity_refusal(const procedures::Procedure& procedure, Channel channel,
                                                const Submitter& submitter) {
  const bool staff = submitter.kind == Submitter::Kind::staff;
  switch (channel) {
    case Channel::counter_pre_entry:
      if (staff && submitter.staff_roles.has(identity::Role::counter_clerk)) return std::nullopt;
      return IdentityRefusal::channel_needs_staff;
    case Channel::mail:
      if (staff && submitter.staff_roles.has_any({identity::Role::counter_clerk, identity::Role::processor})) {
        return std::nullopt;
      }
      return IdentityRefusal::channel_needs_staff;
    case Channel::online:
      break;
  }
  if (online_needs_card(procedure)) return IdentityRefusal::card_signature_unavailable;
  if (procedure.identity == IdentityAssurance::account &&
      !(submitter.kind == Submitter::Kind::citizen && submitter.citizen_account_id)) {
    return IdentityRefusal::sign_in_required;
  }
  return std::nullopt;
}

bool online_needs_card(const procedures::Procedure& procedure) {
  return procedure.identity == IdentityAssurance::mynumber_card_auth ||
         procedure.identity == IdentityAssurance::mynumber_card_signature;
}

forms::LocalizedText how_to_apply(const procedures::Procedure& procedure) {
  forms::LocalizedText out{
      "この手続きをオンラインで申請するには、マイナンバーカードによる本人確認（電子署名）が必要ですが、"
      "このサイトではまだ利用できません。",
      "Applying for this online needs your My Number card (its electronic signature), which this site cannot take "
      "yet.",
      "この てつづきを インターネットで する には マイナンバーカードが いります。まだ つかえません。"};
  if (procedure.channels.counter_pre_entry) {
    out.ja += "区役所・総合支所の窓口で申請してください。このサイトで事前入力しておくと、窓口では書かずに済みます。";
    out.en += " Apply at the counter of your ward office; you can fill in the form on this site first, so there is "
              "nothing to write at the counter.";
    out.easy += "くやくしょの まどぐちで して ください。さきに ここで にゅうりょく できます。";
  }
  if (procedure.channels.mail) {
    out.ja += procedure.channels.counter_pre_entry ? "郵送でも申請できます。" : "郵送で申請してください。";
    out.en += procedure.channels.counter_pre_entry ? " You can also apply by post." : " Apply by post.";
    out.easy += "ゆうびんでも できます。";
  }
  if (!procedure.channels.counter_pre_entry && !procedure.channels.mail) {
    out.ja += "申請の方法は、担当の窓口にお問い合わせください。";
    out.en += " Please ask the department in charge how to apply.";
    out.easy += "どう すれば いいか まどぐちに きいて ください。";
  }
  return out;
}

}  // namespace madoguchi::applications
