// ReminderJob: runs BookingService::send_reminders on a thread of its own,
// at start and then every `interval`, until stopped. Safe on every node at
// once: each reminder is claimed by a conditional update before its mail is
// queued (in the same transaction). A failed run is logged and retried at the
// next tick.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "booking/booking_service.h"

namespace madoguchi::booking {

class ReminderJob {
 public:
  ReminderJob(BookingService& service, std::chrono::seconds interval);
  ~ReminderJob();
  void start();
  void stop();

 private:
  void run();

  BookingService& service_;
  std::chrono::seconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace madoguchi::booking
