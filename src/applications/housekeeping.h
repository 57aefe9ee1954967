// Housekeeping: a background thread that, every `interval`, deletes uploads
// nobody claimed within `unclaimed_max_age` (rows and files; an upload held
// by a draft still open is kept) and empties drafts past their expiry. Each
// pass is idempotent database work plus file removal, so on several nodes
// each may run it. start()/stop() as the Mailer's; stop() waits for a pass
// in progress.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "applications/draft_store.h"
#include "applications/upload_store.h"

namespace madoguchi::applications {

struct HousekeepingSettings {
  std::chrono::seconds interval{3600};
  std::chrono::seconds unclaimed_max_age{24 * 3600};
};

class Housekeeping {
 public:
  Housekeeping(UploadStore& uploads, DraftStore& drafts, HousekeepingSettings settings);
  ~Housekeeping();
  Housekeeping(const Housekeeping&) = delete;
  Housekeeping& operator=(const Housekeeping&) = delete;

  void start();
  void stop();
  // One pass on the calling thread.
  void run_once();

 private:
  void loop();

  UploadStore& uploads_;
  DraftStore& drafts_;
  HousekeepingSettings settings_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace madoguchi::applications
