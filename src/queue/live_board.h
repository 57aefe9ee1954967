// LiveBoard: this node's live view of each watched office's queue, fanned
// out to the open event streams (the calling display and the phones). It
// subscribes to "queue.<office>" once per office; on an event a thread of its
// own rebuilds the board from the database once (however many events came
// meanwhile) and sends every watcher its update, so 10,000 phones cost one
// reload, not 10,000. Watchers leave when their stream closes. The queue's
// state stays in the database; this is only a per-node cache of it.
#pragma once

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>

#include "platform/events.h"
#include "platform/http/event_stream.h"
#include "queue/queue_service.h"

namespace madoguchi::queue {

class LiveBoard {
 public:
  LiveBoard(QueueService& service, platform::Events& events);
  ~LiveBoard();
  LiveBoard(const LiveBoard&) = delete;
  LiveBoard& operator=(const LiveBoard&) = delete;

  // The office's board, from this node's cache when no change has been announced since.
  std::shared_ptr<const Board> current(const std::string& office);
  // Adds a watcher: a display (ticket_id 0, sent "board" events) or a phone
  // watching one ticket ("ticket" events). Sends `initial` (from current(),
  // taken off the I/O thread) at once. Never blocks: call it from an opener.
  void watch(const std::string& office, int64_t ticket_id, std::shared_ptr<platform::http::EventStream> stream,
             std::shared_ptr<const Board> initial);
  size_t watchers() const;

 private:
  struct Watcher {
    int64_t ticket_id = 0;
    std::shared_ptr<platform::http::EventStream> stream;
  };
  struct OfficeState {
    platform::Subscription subscription;
    bool subscribed = false;
    std::shared_ptr<const Board> board;
    uint64_t changes = 0;        // events seen
    uint64_t board_changes = 0;  // events the cached board reflects
    std::unordered_map<uint64_t, Watcher> watchers;
  };

  OfficeState& state_locked(const std::string& office);
  void run();
  std::shared_ptr<const Board> rebuild(const std::string& office);
  static void send(const Watcher& w, const Board& board, const std::string& board_json);

  QueueService& service_;
  platform::Events& events_;
  mutable std::mutex mutex_;
  std::mutex rebuild_mutex_;  // held while current() rebuilds a stale board
  std::condition_variable wake_;
  std::map<std::string, OfficeState> offices_;
  std::set<std::string> dirty_;
  uint64_t next_watcher_ = 1;
  uint64_t next_version_ = 1;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace madoguchi::queue
