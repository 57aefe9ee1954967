#include "platform/events.h"

#include <stdexcept>
#include <vector>

namespace madoguchi::platform {

Subscription& Subscription::operator=(Subscription&& other) noexcept {
  if (this != &other) {
    reset();
    cancel_ = std::move(other.cancel_);
    other.cancel_ = nullptr;
  }
  return *this;
}

void Subscription::reset() {
  if (cancel_) {
    auto cancel = std::move(cancel_);
    cancel_ = nullptr;
    cancel();
  }
}

void check_event(std::string_view channel, std::string_view payload) {
  if (channel.empty() || channel.size() > 63) throw std::invalid_argument("event channel must be 1 to 63 bytes");
  for (char c : channel) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-')) {
      throw std::invalid_argument("event channel may hold only a-z, 0-9, '_', '.' and '-'");
    }
  }
  if (payload.size() > kMaxEventPayloadBytes) throw std::invalid_argument("event payload is too large");
}

struct InProcessEvents::State {
  mutable std::mutex mutex;
  uint64_t next_id = 1;
  // channel -> subscriber id -> callback (shared so a publish can call it unlocked).
  std::map<std::string, std::map<uint64_t, std::shared_ptr<Callback>>, std::less<>> channels;
};

InProcessEvents::InProcessEvents() : state_(std::make_shared<State>()) {}
InProcessEvents::~InProcessEvents() = default;

void InProcessEvents::publish(std::string_view channel, std::string_view payload) {
  check_event(channel, payload);
  std::vector<std::shared_ptr<Callback>> targets;
  {
    std::lock_guard lock(state_->mutex);
    auto it = state_->channels.find(channel);
    if (it == state_->channels.end()) return;
    targets.reserve(it->second.size());
    for (const auto& [id, callback] : it->second) targets.push_back(callback);
  }
  for (const auto& callback : targets) (*callback)(channel, payload);
}

Subscription InProcessEvents::subscribe(std::string_view channel, Callback callback) {
  check_event(channel, "");
  uint64_t id = 0;
  {
    std::lock_guard lock(state_->mutex);
    id = state_->next_id++;
    state_->channels[std::string(channel)][id] = std::make_shared<Callback>(std::move(callback));
  }
  std::weak_ptr<State> weak = state_;
  return Subscription([weak, name = std::string(channel), id] {
    auto state = weak.lock();
    if (!state) return;
    std::lock_guard lock(state->mutex);
    auto it = state->channels.find(name);
    if (it == state->channels.end()) return;
    it->second.erase(id);
    if (it->second.empty()) state->channels.erase(it);
  });
}

size_t InProcessEvents::subscribers(std::string_view channel) const {
  std::lock_guard lock(state_->mutex);
  auto it = state_->channels.find(channel);
  return it == state_->channels.end() ? 0 : it->second.size();
}

}  // namespace madoguchi::platform
