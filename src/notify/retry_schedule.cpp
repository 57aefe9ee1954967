#include "notify/retry_schedule.h"

#include <algorithm>

namespace madoguchi::notify {

std::optional<std::chrono::seconds> RetrySchedule::delay_after(int attempts) const {
  if (attempts >= max_attempts || delays.empty()) return std::nullopt;
  size_t index = static_cast<size_t>(std::max(attempts, 1) - 1);
  return delays[std::min(index, delays.size() - 1)];
}

}  // namespace madoguchi::notify
