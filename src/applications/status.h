// Application status: the stages an application passes through, with the
// words a citizen sees for each in Japanese, English and easy Japanese, and
// which moves between them are allowed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::applications {

enum class Status {
  submitted,             // 受付済み: received, not yet picked up
  in_review,             // 審査中: a processor is working on it
  correction_requested,  // 補正依頼中: returned to the citizen to fix named fields
  resubmitted,           // 再提出済み: the citizen fixed it; back in the queue
  awaiting_approval,     // 決裁中: a decision is drafted and waits for approval
  approved,              // 完了（交付・決定）: decided in the citizen's favour; notice issued
  rejected,              // 却下: decided against, with a reason
  withdrawn,             // 取下げ: the citizen withdrew it
};

struct StatusWords {
  std::string ja;
  std::string en;
  std::string easy;
};

std::string_view to_string(Status status);
std::optional<Status> status_from_string(std::string_view text);
const StatusWords& words(Status status);
// Whether a case may move from `from` to `to`.
bool can_move(Status from, Status to);
// No further change can happen (approved, rejected, withdrawn).
bool is_final(Status status);

}  // namespace madoguchi::applications
