#include "notify/doorbell.h"

namespace madoguchi::notify {

void Doorbell::ring() {
  {
    std::lock_guard lock(mutex_);
    rung_ = true;
  }
  cv_.notify_all();
}

bool Doorbell::wait_for(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  bool rung = cv_.wait_for(lock, timeout, [this] { return rung_; });
  rung_ = false;
  return rung;
}

}  // namespace madoguchi::notify
