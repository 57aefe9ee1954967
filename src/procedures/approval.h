// The electronic approval chain (電子決裁) of a procedure: the steps a decision
// passes through — one 起案 (draft), any 審査 (review) steps, one 決裁
// (decision) — and the staff role that performs each. A procedure defines it
// under `approval:`; without one, a processor drafts and an approver decides.
// read_approval() checks a definition and reports each problem at its line:
// the first step is the draft, the last the decision, reviews lie between,
// at most kMaxApprovalSteps steps, and each step's role may do that step.
// Who may act on a particular case (segregation of duties) is casework's rule.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "forms/yaml_reader.h"

namespace madoguchi::procedures {

enum class ApprovalStepKind {
  draft,     // 起案: the processor proposes the decision
  review,    // 審査: a check between the draft and the decision
  decision,  // 決裁: the decision takes effect and the notice is issued
};

// The staff roles a step may name (the same codes as staff accounts use).
enum class ApprovalRole { processor, approver, department_admin };

struct ApprovalStep {
  ApprovalStepKind kind = ApprovalStepKind::draft;
  ApprovalRole role = ApprovalRole::processor;
  friend bool operator==(const ApprovalStep&, const ApprovalStep&) = default;
};

inline constexpr std::size_t kMaxApprovalSteps = 6;

std::string_view approval_step_name(ApprovalStepKind kind);
std::optional<ApprovalStepKind> approval_step_from_name(std::string_view name);
std::string_view approval_role_name(ApprovalRole role);
std::optional<ApprovalRole> approval_role_from_name(std::string_view name);
// Whether `role` may perform a step of `kind`: drafts by processors or
// department admins, reviews by any of the three, decisions by approvers or
// department admins.
bool role_may_do(ApprovalRole role, ApprovalStepKind kind);

// 起案 by a processor, then 決裁 by an approver.
std::vector<ApprovalStep> default_approval_chain();

// The chain under `approval` in a procedure's root mapping (the default when
// the key is absent); problems are reported through `reader`, and nothing is
// returned when there were any.
std::optional<std::vector<ApprovalStep>> read_approval(forms::YamlReader& reader, const YAML::Node& root);

}  // namespace madoguchi::procedures
