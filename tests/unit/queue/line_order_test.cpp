#include <gtest/gtest.h>

#include "queue/line_order.h"
#include "queue/wait_estimate.h"

namespace madoguchi::queue {
namespace {

Ticket t(int64_t id, std::string order_at) {
  Ticket x;
  x.id = id;
  x.label = ticket_label("A", static_cast<int>(id));
  x.order_at = std::move(order_at);
  return x;
}

std::vector<int64_t> ids(const std::vector<Ticket>& ts) {
  std::vector<int64_t> out;
  for (const auto& x : ts) out.push_back(x.id);
  return out;
}

TEST(LineOrder, PriorityThenDueBookingsThenArrival) {
  Ticket walk1 = t(1, "2027-06-15T00:10:00.000Z");
  Ticket walk2 = t(2, "2027-06-15T00:20:00.000Z");
  Ticket booked = t(3, "2027-06-15T01:00:00.000Z");  // booked for 10:00, checked in at 09:40
  booked.booked_at = "2027-06-15T01:00:00.000Z";
  Ticket marked = t(4, "2027-06-15T00:50:00.000Z");
  marked.priority_reason = "elderly";
  Ticket walk3 = t(5, "2027-06-15T00:40:00.000Z");
  // 09:45: the booking's time has not come; it keeps its booked place.
  EXPECT_EQ(ids(call_order({walk1, walk2, booked, marked, walk3}, "2027-06-15T00:45:00.000Z")),
            (std::vector<int64_t>{4, 1, 2, 5, 3}));
  // 10:05: the booked person goes first after priority.
  EXPECT_EQ(ids(call_order({walk1, walk2, booked, marked, walk3}, "2027-06-15T01:05:00.000Z")),
            (std::vector<int64_t>{4, 3, 1, 2, 5}));
}

TEST(LineOrder, LabelsAreLetterAndThreeDigits) {
  EXPECT_EQ(ticket_label("A", 12), "A-012");
  EXPECT_EQ(ticket_label("B", 1234), "B-1234");
}

TEST(WaitEstimate, RangeFromMeasuredServiceTimesAndCounters) {
  EXPECT_EQ(estimate_wait(0, 2, {}).high_minutes, 0);
  auto none = estimate_wait(4, 2, {});  // default 5 minutes each
  EXPECT_EQ(none.low_minutes, 10);
  EXPECT_EQ(none.high_minutes, 15);
  auto measured = estimate_wait(6, 3, {120, 180, 240, 300, 600});
  EXPECT_EQ(measured.low_minutes, 8);   // 6 × 240 s / 3
  EXPECT_GE(measured.high_minutes, measured.low_minutes);
  EXPECT_EQ(measured.high_minutes, 16);  // 6 × 480 s / 3
  EXPECT_DOUBLE_EQ(quantile({1, 2, 3, 4}, 0.5), 2.5);
}

}  // namespace
}  // namespace madoguchi::queue
