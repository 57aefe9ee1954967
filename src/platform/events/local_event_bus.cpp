#include "platform/events/local_event_bus.h"

#include <algorithm>
#include <vector>

namespace madoguchi::platform::events {

LocalEventBus::LocalEventBus() : thread_([this] { run(); }) {}

LocalEventBus::~LocalEventBus() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  thread_.join();
}

void LocalEventBus::publish(std::string_view channel, std::string_view payload) {
  check(channel, payload);
  {
    std::lock_guard lock(mutex_);
    queue_.emplace_back(std::string(channel), std::string(payload));
  }
  ready_.notify_one();
}

Subscription LocalEventBus::subscribe(std::string_view channel, Handler handler) {
  check(channel, "");
  std::lock_guard lock(mutex_);
  const uint64_t id = next_id_++;
  subscribers_.emplace(id, std::make_shared<Entry>(Entry{std::string(channel), std::move(handler)}));
  return Subscription(this, id);
}

void LocalEventBus::unsubscribe(uint64_t id) {
  {
    std::lock_guard lock(mutex_);
    subscribers_.erase(id);
  }
  if (std::this_thread::get_id() != thread_.get_id()) std::lock_guard wait_for_delivery(delivering_);
}

void LocalEventBus::run() {
  for (;;) {
    std::pair<std::string, std::string> event;
    std::vector<std::shared_ptr<Entry>> targets;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      event = std::move(queue_.front());
      queue_.pop_front();
      for (const auto& [id, entry] : subscribers_) {
        if (entry->channel == event.first) targets.push_back(entry);
      }
    }
    std::lock_guard delivering(delivering_);
    for (const auto& entry : targets) {
      std::unique_lock lock(mutex_);
      const bool still_subscribed = std::any_of(subscribers_.begin(), subscribers_.end(),
                                                [&](const auto& item) { return item.second == entry; });
      lock.unlock();
      if (still_subscribed) entry->handler(event.second);
    }
  }
}

}  // namespace madoguchi::platform::events
