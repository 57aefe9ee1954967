// Doorbell: how the outbox tells a sleeping mailer there is work. ring() is
// cheap and never blocks for long; rings that arrive while nobody waits are
// remembered (coalesced into one), so a wake-up is never lost.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace madoguchi::notify {

class Doorbell {
 public:
  void ring();
  // Returns true as soon as the bell has rung since the last wait returned
  // true, or false once `timeout` has passed without a ring.
  bool wait_for(std::chrono::milliseconds timeout);

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool rung_ = false;
};

}  // namespace madoguchi::notify
