// Where a drafted decision stands in its approval chain (電子決裁) and who may
// take its next step. Steps are taken in chain order; the next step needs its
// role (department admins may take any step of their department's cases);
// nobody acts twice on one draft, so whoever drafted a decision never reviews
// or decides it (segregation of duties). Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "casework/refusal.h"
#include "identity/role.h"
#include "identity/staff_user.h"
#include "procedures/approval.h"

namespace madoguchi::casework {

// One step taken on a draft: step 0 is the draft itself.
struct ApprovalAct {
  int step_index = 0;
  std::string actor;  // staff login
};

struct ApprovalProgress {
  std::vector<procedures::ApprovalStep> chain;
  std::vector<ApprovalAct> acts;  // in step order

  // The index of the step waiting, or nothing once every step is taken.
  std::optional<int> next_index() const;
  // Taking step `index` decides the case.
  bool decides(int index) const { return index + 1 == static_cast<int>(chain.size()); }
  bool acted(const std::string& login) const;
};

identity::Role role_of(procedures::ApprovalRole role);

// Whether `user` may take the next step (approve it or send the draft back).
std::optional<Refusal> check_next_step(const identity::StaffUser& user, const ApprovalProgress& progress);
// Whether `user` may draft a decision under `chain` (its first step's role).
std::optional<Refusal> check_drafter(const identity::StaffUser& user, const std::vector<procedures::ApprovalStep>& chain);

// The chain as stored with a draft ([{"step": "draft", "role": "processor"}, …]) and back;
// a malformed text gives the default chain.
std::string chain_to_json(const std::vector<procedures::ApprovalStep>& chain);
std::vector<procedures::ApprovalStep> chain_from_json(const std::string& text);

}  // namespace madoguchi::casework
