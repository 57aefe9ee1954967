#include "casework/due_rules.h"

#include "jp/holidays.h"

namespace madoguchi::casework {

std::string_view due_state_name(DueState state) {
  switch (state) {
    case DueState::none: return "none";
    case DueState::on_track: return "on_track";
    case DueState::due_soon: return "due_soon";
    case DueState::due_today: return "due_today";
    case DueState::overdue: return "overdue";
  }
  return "none";
}

Date due_soon_until(Date today) {
  auto until = jp::business_days_after(today, kDueSoonBusinessDays);
  return until.ok() ? until.value() : today;
}

DueState due_state(const std::optional<Date>& due, Date today, bool decided) {
  if (!due || decided) return DueState::none;
  if (*due < today) return DueState::overdue;
  if (*due == today) return DueState::due_today;
  if (*due <= due_soon_until(today)) return DueState::due_soon;
  return DueState::on_track;
}

Date extend_for_correction(Date due, Date requested_on, Date resubmitted_on) {
  int days = 0;
  for (auto day = std::chrono::sys_days(requested_on) + std::chrono::days(1);
       day <= std::chrono::sys_days(resubmitted_on) && days < 3660; day += std::chrono::days(1)) {
    if (jp::is_business_day(Date(day))) ++days;
  }
  if (days == 0) return due;
  auto moved = jp::business_days_after(due, days);
  return moved.ok() ? moved.value() : due;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int values[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int part = 0; part < 3; ++part) {
    for (size_t i = starts[part]; i < starts[part] + lengths[part]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      values[part] = values[part] * 10 + (text[i] - '0');
    }
  }
  Date date{std::chrono::year(values[0]), std::chrono::month(static_cast<unsigned>(values[1])),
            std::chrono::day(static_cast<unsigned>(values[2]))};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace madoguchi::casework
