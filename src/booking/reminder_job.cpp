#include "booking/reminder_job.h"

#include "platform/log.h"

namespace madoguchi::booking {

ReminderJob::ReminderJob(BookingService& service, std::chrono::seconds interval)
    : service_(service), interval_(interval) {}

ReminderJob::~ReminderJob() { stop(); }

void ReminderJob::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void ReminderJob::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ReminderJob::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      int sent = service_.send_reminders(platform::Clock::now());
      if (sent > 0) platform::log::info("booking_reminders_sent", {{"count", sent}});
    } catch (const std::exception& e) {
      platform::log::error("booking_reminders_failed", {{"what", e.what()}});
    }
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace madoguchi::booking
