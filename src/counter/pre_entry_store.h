// PreEntryStore: issuing and taking in pre-entry codes. issue() gives the
// drafts (counter drafts, not submitted) one code, or returns the code they
// already share while it is unused and unexpired, so showing the QR again never
// makes a new one; a code for a different set replaces the unused codes of any
// of its drafts (the older QR is then refused as replaced). take() spends a
// code once, with a conditional update (two clerks scanning at once: one wins),
// inside the transaction that opens the intake. Codes are checked (form, key,
// MAC) before the database is asked.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "counter/pre_entry_code.h"
#include "platform/db/database.h"
#include "platform/time.h"

namespace madoguchi::counter {

struct IssuedPreEntry {
  int64_t id = 0;
  PreEntryCode code;
  std::string expires_at;  // UTC ISO
  std::vector<int64_t> draft_ids;
};

// Why a code cannot be taken in; each becomes a clear message for the clerk.
enum class TakeProblem { malformed, other_installation, forged, unknown, expired, used, replaced };

struct TakenPreEntry {
  int64_t id = 0;
  std::vector<int64_t> draft_ids;
};

struct TakeResult {
  std::optional<TakenPreEntry> taken;
  TakeProblem problem = TakeProblem::malformed;
  std::optional<std::string> expires_at;  // for expired codes
};

class PreEntryStore {
 public:
  using Now = std::function<platform::Clock::time_point()>;
  PreEntryStore(platform::db::Database& database, std::vector<uint8_t> key, std::chrono::seconds lifetime, Now clock = {});

  IssuedPreEntry issue(const std::vector<int64_t>& draft_ids);
  // The outstanding code of a draft, if it has one that is unused, unexpired and not replaced.
  std::optional<IssuedPreEntry> outstanding_for_draft(int64_t draft_id) const;
  // The intake that took a draft in, if one did.
  std::optional<int64_t> intake_of_draft(int64_t draft_id) const;

  // Checks the code; nothing is written.
  TakeResult check(std::string_view text) const;
  // Inside the intake's write transaction: spends the code for `intake_id`.
  // Returns false if it was spent meanwhile.
  static bool spend(platform::db::Connection& c, int64_t pre_entry_id, int64_t intake_id, const std::string& now);

  platform::Clock::time_point now() const { return clock_(); }

 private:
  platform::db::Database& db_;
  std::vector<uint8_t> key_;
  std::chrono::seconds lifetime_;
  Now clock_;
};

}  // namespace madoguchi::counter
