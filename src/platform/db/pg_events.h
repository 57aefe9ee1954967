// PgEvents: platform::Events between the nodes of one installation on
// PostgreSQL. publish() sends NOTIFY through the node's pool (delivered when
// that transaction commits); a listening connection of its own (direct to the
// primary: LISTEN passes neither pgbouncer in transaction mode nor a hot
// standby) LISTENs on the subscribed channels, on a thread that hands each
// notification to the subscribers and, when the connection drops, reconnects,
// LISTENs again and calls every subscriber with an empty payload (re-read).
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "platform/db/database.h"
#include "platform/events.h"

namespace madoguchi::platform::db {

class PgEvents final : public Events {
 public:
  // `listen_url` is the server to LISTEN on (the primary, directly).
  PgEvents(Database& database, std::string listen_url);
  ~PgEvents() override;
  PgEvents(const PgEvents&) = delete;
  PgEvents& operator=(const PgEvents&) = delete;

  void publish(std::string_view channel, std::string_view payload) override;
  Subscription subscribe(std::string_view channel, Callback callback) override;

 private:
  struct Entry {
    std::string channel;
    Callback callback;
  };
  struct Shared;
  void run();
  void wake();
  void deliver(const std::string& channel, const std::string& payload);

  Database& database_;
  std::string listen_url_;
  std::shared_ptr<Shared> shared_;
  std::atomic<bool> stopping_{false};
  int wake_fd_ = -1;  // eventfd: a new channel to LISTEN on, or stop
  std::thread thread_;
};

}  // namespace madoguchi::platform::db
