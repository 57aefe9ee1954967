#include "platform/events/event_bus.h"

#include <stdexcept>
#include <utility>

namespace madoguchi::platform::events {

Subscription::Subscription(Subscription&& other) noexcept
    : bus_(std::exchange(other.bus_, nullptr)), id_(std::exchange(other.id_, 0)) {}

Subscription& Subscription::operator=(Subscription&& other) noexcept {
  if (this != &other) {
    if (bus_) bus_->unsubscribe(id_);
    bus_ = std::exchange(other.bus_, nullptr);
    id_ = std::exchange(other.id_, 0);
  }
  return *this;
}

Subscription::~Subscription() {
  if (bus_) bus_->unsubscribe(id_);
}

void EventBus::check(std::string_view channel, std::string_view payload) {
  if (channel.empty() || channel.size() > 63) throw std::invalid_argument("event channel must be 1 to 63 characters");
  for (char c : channel) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) throw std::invalid_argument("event channel may hold only a-z, 0-9, _ . -");
  }
  if (payload.size() > kMaxPayloadBytes) throw std::invalid_argument("event payload is larger than 7,900 bytes");
}

}  // namespace madoguchi::platform::events
