#include <gtest/gtest.h>

#include "platform/events.h"
#include "platform/http/event_stream.h"

namespace madoguchi::platform {
namespace {

TEST(Events, DeliversToSubscribersOfTheChannelUntilUnsubscribed) {
  InProcessEvents events;
  std::vector<std::string> a, b;
  auto sa = events.subscribe("queue.aoba", [&](std::string_view, std::string_view p) { a.emplace_back(p); });
  {
    auto sb = events.subscribe("queue.aoba", [&](std::string_view, std::string_view p) { b.emplace_back(p); });
    events.publish("queue.aoba", "1");
    events.publish("queue.izumi", "x");
    EXPECT_EQ(events.subscribers("queue.aoba"), 2u);
  }
  events.publish("queue.aoba", "2");
  EXPECT_EQ(a, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(b, (std::vector<std::string>{"1"}));
  EXPECT_EQ(events.subscribers("queue.aoba"), 1u);
}

TEST(Events, ACallbackMayUnsubscribeItself) {
  InProcessEvents events;
  int calls = 0;
  Subscription s;
  s = events.subscribe("c", [&](std::string_view, std::string_view) {
    ++calls;
    s.reset();
  });
  events.publish("c", "");
  events.publish("c", "");
  EXPECT_EQ(calls, 1);
}

TEST(Events, RefusesOversizedPayloadsAndBadChannels) {
  InProcessEvents events;
  EXPECT_THROW(events.publish("c", std::string(kMaxEventPayloadBytes + 1, 'x')), std::invalid_argument);
  EXPECT_THROW(events.publish("", "x"), std::invalid_argument);
  EXPECT_THROW(events.publish(std::string(64, 'c'), "x"), std::invalid_argument);
}

TEST(EventStream, FormatsEventsLineByLine) {
  EXPECT_EQ(http::format_event("ticket", "{\"a\":1}", "7"), "event: ticket\nid: 7\ndata: {\"a\":1}\n\n");
  EXPECT_EQ(http::format_event("", "one\ntwo\r\nthree"), "data: one\ndata: two\ndata: three\n\n");
  EXPECT_EQ(http::format_event("bad\nname", "x"), "event: badname\ndata: x\n\n");
}

}  // namespace
}  // namespace madoguchi::platform
