#include "procedures/approval.h"

#include <array>
#include <string>
#include <utility>

#include "forms/printable.h"

namespace madoguchi::procedures {

namespace {

using forms::shown;

constexpr std::array<std::pair<ApprovalStepKind, std::string_view>, 3> kSteps{{
    {ApprovalStepKind::draft, "draft"},
    {ApprovalStepKind::review, "review"},
    {ApprovalStepKind::decision, "decision"},
}};

constexpr std::array<std::pair<ApprovalRole, std::string_view>, 3> kRoles{{
    {ApprovalRole::processor, "processor"},
    {ApprovalRole::approver, "approver"},
    {ApprovalRole::department_admin, "department_admin"},
}};

std::string step_label_ja(ApprovalStepKind kind) {
  switch (kind) {
    case ApprovalStepKind::draft: return "起案（draft）";
    case ApprovalStepKind::review: return "審査（review）";
    case ApprovalStepKind::decision: return "決裁（decision）";
  }
  return "";
}

}  // namespace

std::string_view approval_step_name(ApprovalStepKind kind) {
  for (const auto& [k, name] : kSteps) {
    if (k == kind) return name;
  }
  return "draft";
}

std::optional<ApprovalStepKind> approval_step_from_name(std::string_view name) {
  for (const auto& [k, n] : kSteps) {
    if (n == name) return k;
  }
  return std::nullopt;
}

std::string_view approval_role_name(ApprovalRole role) {
  for (const auto& [r, name] : kRoles) {
    if (r == role) return name;
  }
  return "processor";
}

std::optional<ApprovalRole> approval_role_from_name(std::string_view name) {
  for (const auto& [r, n] : kRoles) {
    if (n == name) return r;
  }
  return std::nullopt;
}

bool role_may_do(ApprovalRole role, ApprovalStepKind kind) {
  switch (kind) {
    case ApprovalStepKind::draft: return role != ApprovalRole::approver;
    case ApprovalStepKind::review: return true;
    case ApprovalStepKind::decision: return role != ApprovalRole::processor;
  }
  return false;
}

std::vector<ApprovalStep> default_approval_chain() {
  return {{ApprovalStepKind::draft, ApprovalRole::processor}, {ApprovalStepKind::decision, ApprovalRole::approver}};
}

std::optional<std::vector<ApprovalStep>> read_approval(forms::YamlReader& r, const YAML::Node& root) {
  const YAML::Node node = r.get(root, "approval", "", false);
  if (!node.IsDefined()) return default_approval_chain();
  const std::size_t problems_before = r.problem_count();
  if (!node.IsSequence() || node.size() < 2 || node.size() > kMaxApprovalSteps) {
    r.report(node, "approval",
             "起案（draft）から決裁（decision）までの段階を、2〜" + std::to_string(kMaxApprovalSteps) +
                 "個のリストで書いてください。",
             "write the steps from draft to decision as a list of 2 to " + std::to_string(kMaxApprovalSteps) +
                 " items.");
    return std::nullopt;
  }
  std::vector<ApprovalStep> chain;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string where = "approval[" + std::to_string(i) + "]";
    const YAML::Node item = node[i];
    if (!r.check_map(item, where, {"step", "role"})) continue;
    const auto step_text = r.string(item, "step", where, true);
    const auto role_text = r.string(item, "role", where, true);
    if (!step_text || !role_text) continue;
    const auto kind = approval_step_from_name(*step_text);
    const auto role = approval_role_from_name(*role_text);
    if (!kind) {
      r.report(r.get(item, "step", where, false), where + ".step",
               shown(*step_text) + "は使えません。draft, review, decision のどれかです。",
               shown(*step_text) + " is not one of draft, review, decision.");
      continue;
    }
    if (!role) {
      r.report(r.get(item, "role", where, false), where + ".role",
               shown(*role_text) + "は使えません。processor, approver, department_admin のどれかです。",
               shown(*role_text) + " is not one of processor, approver, department_admin.");
      continue;
    }
    const bool first = i == 0;
    const bool last = i + 1 == node.size();
    const ApprovalStepKind expected =
        first ? ApprovalStepKind::draft : (last ? ApprovalStepKind::decision : ApprovalStepKind::review);
    if (*kind != expected) {
      r.report(item, where + ".step",
               "この位置の段階は" + step_label_ja(expected) + "です（最初が起案、最後が決裁、その間は審査）。",
               "this step must be " + std::string(approval_step_name(expected)) +
                   " (draft first, decision last, reviews between).");
      continue;
    }
    if (!role_may_do(*role, *kind)) {
      r.report(r.get(item, "role", where, false), where + ".role",
               shown(*role_text) + "は" + step_label_ja(*kind) + "を行えません。",
               shown(*role_text) + " may not perform the " + std::string(*step_text) + " step.");
      continue;
    }
    chain.push_back({*kind, *role});
  }
  if (r.problem_count() != problems_before) return std::nullopt;
  return chain;
}

}  // namespace madoguchi::procedures
