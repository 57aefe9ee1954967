// Events: publish/subscribe between the code that changes shared state and the
// live pages that show it (queue screens, phones watching a ticket). A payload
// is a small text (at most 7,900 bytes, so LISTEN/NOTIFY can carry it);
// publish only after the change it reports has committed. Delivery is at most
// once and in order per channel per publisher; a subscriber that must not miss
// a change reloads the state from the database when told. Callbacks run on the
// publisher's thread (in process) or the listener's thread (PostgreSQL): keep
// them short and never block in them. InProcessEvents is the implementation
// for one node (SQLite); PgEvents (platform/db/pg_events.h) carries events
// between nodes with LISTEN/NOTIFY, and after its listening connection was
// lost and came back it calls every subscriber with an empty payload (events
// may have been missed: read the state again).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace madoguchi::platform {

inline constexpr size_t kMaxEventPayloadBytes = 7900;

// Ends its subscription when destroyed (or reset); movable, not copyable.
class Subscription {
 public:
  Subscription() = default;
  explicit Subscription(std::function<void()> cancel) : cancel_(std::move(cancel)) {}
  Subscription(Subscription&& other) noexcept : cancel_(std::move(other.cancel_)) { other.cancel_ = nullptr; }
  Subscription& operator=(Subscription&& other) noexcept;
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;
  ~Subscription() { reset(); }
  void reset();

 private:
  std::function<void()> cancel_;
};

class Events {
 public:
  using Callback = std::function<void(std::string_view channel, std::string_view payload)>;
  virtual ~Events() = default;
  // Throws std::invalid_argument if the payload is larger than kMaxEventPayloadBytes
  // or the channel is not 1 to 63 of [a-z0-9_.-].
  virtual void publish(std::string_view channel, std::string_view payload) = 0;
  virtual Subscription subscribe(std::string_view channel, Callback callback) = 0;
};

// Checks a channel name and payload as publish() must; throws std::invalid_argument.
void check_event(std::string_view channel, std::string_view payload);

// Delivers to this process's subscribers only, synchronously on the
// publisher's thread. Thread-safe; a callback may unsubscribe itself.
class InProcessEvents final : public Events {
 public:
  InProcessEvents();
  ~InProcessEvents() override;
  void publish(std::string_view channel, std::string_view payload) override;
  Subscription subscribe(std::string_view channel, Callback callback) override;
  size_t subscribers(std::string_view channel) const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace madoguchi::platform
