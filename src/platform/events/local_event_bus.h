// LocalEventBus: the EventBus of a single node (SQLite). Events are handed to
// the subscribers on the bus's own thread, in the order they were published;
// once unsubscribe returns (outside a handler), that handler is not running
// and never runs again.
#pragma once

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "platform/events/event_bus.h"

namespace madoguchi::platform::events {

class LocalEventBus final : public EventBus {
 public:
  LocalEventBus();
  ~LocalEventBus() override;

  void publish(std::string_view channel, std::string_view payload) override;
  Subscription subscribe(std::string_view channel, Handler handler) override;

 private:
  void unsubscribe(uint64_t id) override;
  void run();

  struct Entry {
    std::string channel;
    Handler handler;
  };
  std::mutex mutex_;
  std::mutex delivering_;  // held while handlers run: unsubscribing waits for them
  std::condition_variable ready_;
  std::deque<std::pair<std::string, std::string>> queue_;
  std::map<uint64_t, std::shared_ptr<Entry>> subscribers_;
  uint64_t next_id_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace madoguchi::platform::events
