// PgEventBus: the EventBus of several nodes on PostgreSQL. publish() sends
// NOTIFY through the node's pool; a listening connection of its own (direct to
// the server: LISTEN does not pass pgbouncer in transaction mode, nor a hot
// standby) LISTENs on the channels subscribed, on a thread that hands each
// notification to the subscribers and reconnects, LISTENing again and telling
// every subscriber to re-read (an empty payload), when the connection drops.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "platform/db/database.h"
#include "platform/events/event_bus.h"

namespace madoguchi::platform::events {

class PgEventBus final : public EventBus {
 public:
  // `listen_url` is the server to LISTEN on (the primary, directly).
  PgEventBus(db::Database& database, std::string listen_url);
  ~PgEventBus() override;

  void publish(std::string_view channel, std::string_view payload) override;
  Subscription subscribe(std::string_view channel, Handler handler) override;

 private:
  struct Entry {
    std::string channel;
    Handler handler;
  };
  void unsubscribe(uint64_t id) override;
  void run();
  void wake();
  void deliver(const std::string& channel, const std::string& payload);

  db::Database& database_;
  std::string listen_url_;
  std::mutex mutex_;
  std::mutex delivering_;
  std::map<uint64_t, std::shared_ptr<Entry>> subscribers_;
  std::set<std::string> wanted_;  // channels to LISTEN on
  uint64_t next_id_ = 1;
  std::atomic<bool> stopping_{false};
  int wake_fd_ = -1;  // eventfd: a new channel to LISTEN on, or stop
  std::thread thread_;
};

}  // namespace madoguchi::platform::events
