#include "applications/status.h"

#include <array>

namespace madoguchi::applications {

namespace {

struct Entry {
  Status status;
  std::string_view name;
  StatusWords words;
};

const std::array<Entry, 8>& table() {
  static const std::array<Entry, 8> entries = {{
      {Status::submitted, "submitted", {"受付済み", "Received", "うけつけ しました"}},
      {Status::in_review, "in_review", {"審査中", "Under review", "しらべて います"}},
      {Status::correction_requested,
       "correction_requested",
       {"補正依頼中（お客様の修正待ち）", "Correction requested (waiting for you)", "なおして ください"}},
      {Status::resubmitted, "resubmitted", {"再提出済み", "Resubmitted", "なおした ものを うけとりました"}},
      {Status::awaiting_approval, "awaiting_approval", {"決裁中", "Awaiting approval", "さいごの かくにんを しています"}},
      {Status::approved, "approved", {"完了", "Completed", "おわりました"}},
      {Status::rejected, "rejected", {"却下", "Rejected", "みとめられませんでした"}},
      {Status::withdrawn, "withdrawn", {"取下げ", "Withdrawn", "とりさげました"}},
  }};
  return entries;
}

}  // namespace

std::string_view to_string(Status status) {
  for (const auto& e : table()) {
    if (e.status == status) return e.name;
  }
  return "submitted";
}

std::optional<Status> status_from_string(std::string_view text) {
  for (const auto& e : table()) {
    if (e.name == text) return e.status;
  }
  return std::nullopt;
}

const StatusWords& words(Status status) {
  for (const auto& e : table()) {
    if (e.status == status) return e.words;
  }
  return table()[0].words;
}

bool is_final(Status s) { return s == Status::approved || s == Status::rejected || s == Status::withdrawn; }

bool can_move(Status from, Status to) {
  if (is_final(from) || from == to) return false;
  switch (to) {
    case Status::in_review:
      return from == Status::submitted || from == Status::resubmitted || from == Status::awaiting_approval;
    case Status::correction_requested:
      return from == Status::in_review;
    case Status::resubmitted:
      return from == Status::correction_requested;
    case Status::awaiting_approval:
      return from == Status::in_review;
    case Status::approved:
    case Status::rejected:
      return from == Status::awaiting_approval;
    case Status::withdrawn:
      return true;
    case Status::submitted:
      return false;
  }
  return false;
}

}  // namespace madoguchi::applications
