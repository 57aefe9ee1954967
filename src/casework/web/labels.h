// How case work words codes for staff pages, in the reader's language:
// statuses, channels, wards, departments, procedures, approval steps, due
// states, and short dates and times in Japan. Pure (messages come from the
// catalogue passed in).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "applications/status.h"
#include "casework/due_rules.h"
#include "platform/web/language.h"
#include "procedures/approval.h"
#include "procedures/catalogue.h"

namespace madoguchi::casework {

// A day as clerks read it at a glance: "2026/11/26(木)", "Thu 26 Nov 2026";
// the text itself when it is not an ISO date.
std::string clerk_day(std::string_view iso_date, platform::web::Language language);

struct Labels {
  const platform::web::Messages& messages;
  platform::web::Language language;
  const procedures::Catalogue& catalogue;

  std::string text(std::string_view key) const;  // casework.<key>
  std::string status(applications::Status status) const;
  std::string channel(std::string_view code) const;
  std::string ward(const std::optional<std::string>& code) const;
  std::string department(std::string_view code) const;
  std::string procedure(std::string_view id) const;
  std::string step(procedures::ApprovalStepKind kind) const;
  std::string due(DueState state) const;
  // A timeline event's kind; the code itself when no message names it.
  std::string event(std::string_view kind) const;
  // "2026/11/22(日) 14:05" in Japan time.
  std::string instant(std::string_view iso_timestamp) const;
  std::string day(std::string_view iso_date) const { return clerk_day(iso_date, language); }
  // The day, in Japan, of a timestamp: "2026/11/22(日)".
  std::string day_of(std::string_view iso_timestamp) const;
};

// `text` with each "{name}" replaced by its value.
std::string fill(std::string text, std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace madoguchi::casework
