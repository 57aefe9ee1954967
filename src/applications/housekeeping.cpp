#include "applications/housekeeping.h"

#include "platform/log.h"

namespace madoguchi::applications {

Housekeeping::Housekeeping(UploadStore& uploads, DraftStore& drafts, HousekeepingSettings settings)
    : uploads_(uploads), drafts_(drafts), settings_(settings) {}

Housekeeping::~Housekeeping() { stop(); }

void Housekeeping::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void Housekeeping::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Housekeeping::run_once() {
  try {
    if (size_t uploads = uploads_.purge_unclaimed(settings_.unclaimed_max_age); uploads > 0) {
      platform::log::info("uploads_purged", {{"unclaimed", uploads}});
    }
    if (size_t drafts = drafts_.purge_expired(); drafts > 0) platform::log::info("drafts_purged", {{"expired", drafts}});
  } catch (const std::exception& e) {
    platform::log::warn("housekeeping_failed", {{"error", e.what()}});
  }
}

void Housekeeping::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (wake_.wait_for(lock, settings_.interval, [this] { return stopping_; })) break;
    lock.unlock();
    run_once();
    lock.lock();
  }
}

}  // namespace madoguchi::applications
