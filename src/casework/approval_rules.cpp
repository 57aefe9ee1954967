#include "casework/approval_rules.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace madoguchi::casework {

using procedures::ApprovalRole;
using procedures::ApprovalStep;

std::optional<int> ApprovalProgress::next_index() const {
  int next = 0;
  for (const auto& act : acts) next = std::max(next, act.step_index + 1);
  if (next >= static_cast<int>(chain.size())) return std::nullopt;
  return next;
}

bool ApprovalProgress::acted(const std::string& login) const {
  return std::any_of(acts.begin(), acts.end(), [&](const ApprovalAct& a) { return a.actor == login; });
}

identity::Role role_of(ApprovalRole role) {
  switch (role) {
    case ApprovalRole::processor: return identity::Role::processor;
    case ApprovalRole::approver: return identity::Role::approver;
    case ApprovalRole::department_admin: return identity::Role::department_admin;
  }
  return identity::Role::processor;
}

namespace {

bool holds_step_role(const identity::StaffUser& user, const ApprovalStep& step) {
  return user.has_role(role_of(step.role)) || user.has_role(identity::Role::department_admin);
}

std::string role_ja(ApprovalRole role) {
  switch (role) {
    case ApprovalRole::processor: return "事務処理担当";
    case ApprovalRole::approver: return "決裁者";
    case ApprovalRole::department_admin: return "所管課管理者";
  }
  return "";
}

std::string step_ja(procedures::ApprovalStepKind kind) {
  switch (kind) {
    case procedures::ApprovalStepKind::draft: return "起案";
    case procedures::ApprovalStepKind::review: return "審査";
    case procedures::ApprovalStepKind::decision: return "決裁";
  }
  return "";
}

Refusal wrong_role(const ApprovalStep& step) {
  return {"approval_role",
          "この段階（" + step_ja(step.kind) + "）は「" + role_ja(step.role) + "」の役割を持つ職員が行います。",
          "This step (" + std::string(procedures::approval_step_name(step.kind)) + ") is for staff with the role " +
              std::string(procedures::approval_role_name(step.role)) + "."};
}

}  // namespace

std::optional<Refusal> check_next_step(const identity::StaffUser& user, const ApprovalProgress& progress) {
  auto next = progress.next_index();
  if (!next || progress.acts.empty()) {
    return Refusal{"no_pending_step", "決裁を待っている段階がありません。", "No approval step is waiting."};
  }
  const ApprovalStep& step = progress.chain[static_cast<size_t>(*next)];
  if (!holds_step_role(user, step)) return wrong_role(step);
  if (progress.acted(user.login)) {
    const bool drafter = progress.acts.front().actor == user.login;
    return Refusal{"segregation_of_duties",
                   drafter ? "ご自身が起案した案件は、審査・決裁できません（職務の分離）。別の職員に依頼してください。"
                           : "この起案の別の段階をすでに行っているため、続けて行うことはできません（職務の分離）。",
                   drafter ? "You drafted this decision, so you cannot review or approve it (segregation of duties). "
                             "Ask another member of staff."
                           : "You already took another step on this draft, so you cannot take this one as well "
                             "(segregation of duties)."};
  }
  return std::nullopt;
}

std::optional<Refusal> check_drafter(const identity::StaffUser& user, const std::vector<ApprovalStep>& chain) {
  if (chain.empty() || !holds_step_role(user, chain.front())) {
    return wrong_role(chain.empty() ? ApprovalStep{} : chain.front());
  }
  return std::nullopt;
}

std::string chain_to_json(const std::vector<ApprovalStep>& chain) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& step : chain) {
    out.push_back({{"step", procedures::approval_step_name(step.kind)}, {"role", procedures::approval_role_name(step.role)}});
  }
  return out.dump();
}

std::vector<ApprovalStep> chain_from_json(const std::string& text) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array() || parsed.size() < 2) return procedures::default_approval_chain();
  std::vector<ApprovalStep> chain;
  for (const auto& item : parsed) {
    if (!item.is_object() || !item.value("step", nlohmann::json()).is_string() ||
        !item.value("role", nlohmann::json()).is_string()) {
      return procedures::default_approval_chain();
    }
    auto kind = procedures::approval_step_from_name(item["step"].get<std::string>());
    auto role = procedures::approval_role_from_name(item["role"].get<std::string>());
    if (!kind || !role) return procedures::default_approval_chain();
    chain.push_back({*kind, *role});
  }
  return chain;
}

}  // namespace madoguchi::casework
