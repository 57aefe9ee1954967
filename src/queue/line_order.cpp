#include "queue/line_order.h"

#include <algorithm>
#include <tuple>

namespace madoguchi::queue {

std::vector<Ticket> call_order(std::vector<Ticket> waiting, const std::string& now) {
  auto tier = [&now](const Ticket& t) {
    if (t.priority_reason) return 0;
    if (t.booked_at && *t.booked_at <= now) return 1;
    return 2;
  };
  auto key = [&](const Ticket& t) {
    const std::string& at = tier(t) == 1 ? *t.booked_at : t.order_at;
    return std::tuple<int, const std::string&, int64_t>(tier(t), at, t.id);
  };
  std::stable_sort(waiting.begin(), waiting.end(), [&](const Ticket& a, const Ticket& b) { return key(a) < key(b); });
  return waiting;
}

}  // namespace madoguchi::queue
