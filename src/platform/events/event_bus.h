// EventBus: small publish/subscribe between the nodes of one installation,
// for live pages (queue screens, phones watching their ticket). A payload is
// a short text (at most 7,900 bytes) published on a named channel after the
// change it reports has committed; every subscriber of that channel, on
// every node, gets it soon after, in publishing order per publisher. When a
// node may have missed events (its listening connection dropped and came
// back), each subscriber gets an empty payload: read the state again.
// In-process on SQLite (LocalEventBus); LISTEN/NOTIFY on PostgreSQL (PgEventBus).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace madoguchi::platform::events {

using Handler = std::function<void(const std::string& payload)>;

class EventBus;

// Unsubscribes when it ends.
class Subscription {
 public:
  Subscription() = default;
  Subscription(EventBus* bus, uint64_t id) : bus_(bus), id_(id) {}
  Subscription(Subscription&& other) noexcept;
  Subscription& operator=(Subscription&& other) noexcept;
  ~Subscription();
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

 private:
  EventBus* bus_ = nullptr;
  uint64_t id_ = 0;
};

class EventBus {
 public:
  static constexpr size_t kMaxPayloadBytes = 7900;
  virtual ~EventBus() = default;

  // Channel names: 1 to 63 of [a-z0-9_.-]. Throws std::invalid_argument for a
  // bad channel or an oversized payload; platform::db::DbError when the
  // database cannot take it.
  virtual void publish(std::string_view channel, std::string_view payload) = 0;
  // `handler` runs on the bus's own thread: keep it short and never block on the bus.
  virtual Subscription subscribe(std::string_view channel, Handler handler) = 0;

 protected:
  friend class Subscription;
  virtual void unsubscribe(uint64_t id) = 0;
  static void check(std::string_view channel, std::string_view payload);
};

}  // namespace madoguchi::platform::events
