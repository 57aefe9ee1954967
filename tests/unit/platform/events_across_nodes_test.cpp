// Publish/subscribe between nodes: in-process on SQLite, LISTEN/NOTIFY on
// PostgreSQL, where an event published through one node's database reaches a
// subscriber on another node's listening connection.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "platform/db/pg_events.h"
#include "platform/events.h"
#include "support/test_database.h"

using namespace madoguchi::platform;

namespace {

// Payloads received, and a wait for the n-th.
struct Inbox {
  std::mutex mutex;
  std::condition_variable arrived;
  std::vector<std::string> payloads;
  Events::Callback handler() {
    return [this](std::string_view, std::string_view payload) {
      std::lock_guard lock(mutex);
      payloads.emplace_back(payload);
      arrived.notify_all();
    };
  }
  std::vector<std::string> wait_for(size_t n) {
    std::unique_lock lock(mutex);
    arrived.wait_for(lock, std::chrono::seconds(10), [&] { return payloads.size() >= n; });
    return payloads;
  }
  bool wait_for_payload(const std::string& wanted) {
    std::unique_lock lock(mutex);
    return arrived.wait_for(lock, std::chrono::seconds(10), [&] {
      return std::find(payloads.begin(), payloads.end(), wanted) != payloads.end();
    });
  }
};

// Two nodes' buses on the run's engine: on SQLite there is only one node, so both are the same bus.
struct Nodes {
  madoguchi::testing::TestDatabase database{{"platform"}, "events"};
  std::unique_ptr<db::Database> second_node;
  std::unique_ptr<Events> a, b_own;
  Events* b = nullptr;
  Nodes() {
    if (madoguchi::testing::testing_postgresql()) {
      db::DatabaseSettings settings;
      settings.location = database.location();
      second_node = db::open_database(settings);
      a = std::make_unique<db::PgEvents>(*database, database.location().url);
      b_own = std::make_unique<db::PgEvents>(*second_node, database.location().url);
      b = b_own.get();
    } else {
      a = std::make_unique<InProcessEvents>();
      b = a.get();
    }
  }
};

}  // namespace

TEST(EventsAcrossNodes, AnEventPublishedOnOneNodeReachesSubscribersOnAnotherInOrder) {
  Nodes nodes;
  Inbox watcher, other_channel;
  auto subscription = nodes.b->subscribe("queue.aoba", watcher.handler());
  auto unrelated = nodes.b->subscribe("queue.izumi", other_channel.handler());
  // A listener LISTENs asynchronously: publish until the first event is seen.
  std::vector<std::string> seen;
  for (int i = 0; i < 50 && seen.empty(); ++i) {
    nodes.a->publish("queue.aoba", "ready");
    seen = watcher.wait_for(1);
  }
  ASSERT_FALSE(seen.empty()) << "no event arrived";
  const size_t before = seen.size();
  nodes.a->publish("queue.aoba", "{\"called\":\"A-012\",\"counter\":\"3番\"}");
  nodes.a->publish("queue.aoba", "second");
  auto all = watcher.wait_for(before + 2);
  ASSERT_EQ(all.size(), before + 2);
  EXPECT_EQ(all[before], "{\"called\":\"A-012\",\"counter\":\"3番\"}");
  EXPECT_EQ(all[before + 1], "second");
  EXPECT_TRUE(other_channel.payloads.empty());
}

TEST(EventsAcrossNodes, AfterUnsubscribingNothingMoreArrives) {
  Nodes nodes;
  Inbox kept, dropped;
  auto keep = nodes.b->subscribe("tickets", kept.handler());
  {
    auto drop = nodes.b->subscribe("tickets", dropped.handler());
    for (int i = 0; i < 50 && kept.wait_for(1).empty(); ++i) nodes.a->publish("tickets", "warm-up");
  }
  const size_t dropped_before = dropped.wait_for(0).size();
  nodes.a->publish("tickets", "after");
  ASSERT_TRUE(kept.wait_for_payload("after"));
  EXPECT_EQ(dropped.wait_for(0).size(), dropped_before);
}

TEST(EventsAcrossNodes, BadChannelsAndOversizedPayloadsAreRefused) {
  Nodes nodes;
  EXPECT_THROW(nodes.a->publish("", "x"), std::invalid_argument);
  EXPECT_THROW(nodes.a->publish("Queue", "x"), std::invalid_argument);
  EXPECT_THROW(nodes.a->publish("queue\"; DROP TABLE x; --", "x"), std::invalid_argument);
  EXPECT_THROW(nodes.a->publish("queue", std::string(8000, 'x')), std::invalid_argument);
  EXPECT_THROW(nodes.a->subscribe(std::string(64, 'a'), [](std::string_view, std::string_view) {}), std::invalid_argument);
}
