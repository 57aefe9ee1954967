#include "queue/live_board.h"

#include <vector>

#include "platform/log.h"

namespace madoguchi::queue {

LiveBoard::LiveBoard(QueueService& service, platform::Events& events)
    : service_(service), events_(events), thread_([this] { run(); }) {}

LiveBoard::~LiveBoard() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  std::map<std::string, OfficeState> offices;
  {
    std::lock_guard lock(mutex_);
    offices.swap(offices_);
  }
  for (auto& [office, state] : offices) state.subscription.reset();
}

LiveBoard::OfficeState& LiveBoard::state_locked(const std::string& office) {
  auto& state = offices_[office];
  if (!state.subscribed) {
    state.subscribed = true;
    state.subscription = events_.subscribe(office_channel(office), [this, office](std::string_view, std::string_view) {
      {
        std::lock_guard lock(mutex_);
        auto it = offices_.find(office);
        if (it != offices_.end()) ++it->second.changes;
        dirty_.insert(office);
      }
      wake_.notify_one();
    });
  }
  return state;
}

std::shared_ptr<const Board> LiveBoard::rebuild(const std::string& office) {
  uint64_t changes = 0;
  {
    std::lock_guard lock(mutex_);
    changes = state_locked(office).changes;
  }
  auto board = std::make_shared<Board>(service_.board(office, platform::Clock::now()));
  std::lock_guard lock(mutex_);
  board->version = next_version_++;
  board->index();
  auto& state = state_locked(office);
  if (!state.board || state.board_changes <= changes) {
    state.board = board;
    state.board_changes = changes;
  }
  return board;
}

std::shared_ptr<const Board> LiveBoard::current(const std::string& office) {
  auto fresh = [&]() -> std::shared_ptr<const Board> {
    std::lock_guard lock(mutex_);
    auto& state = state_locked(office);
    if (state.board && state.board_changes == state.changes) return state.board;
    return nullptr;
  };
  if (auto board = fresh()) return board;
  // One rebuild at a time: a thousand phones connecting at once wait for one
  // board instead of each reading the whole queue.
  std::lock_guard rebuilding(rebuild_mutex_);
  if (auto board = fresh()) return board;
  return rebuild(office);
}

void LiveBoard::send(const Watcher& w, const Board& board, const std::string& board_json) {
  std::string version = std::to_string(board.version);
  if (w.ticket_id == 0) {
    w.stream->send("board", board_json, version);
  } else {
    w.stream->send("ticket", board.ticket_json(w.ticket_id), version);
  }
}

void LiveBoard::watch(const std::string& office, int64_t ticket_id, std::shared_ptr<platform::http::EventStream> stream,
                      std::shared_ptr<const Board> board) {
  Watcher w{ticket_id, stream};
  uint64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    id = next_watcher_++;
    state_locked(office).watchers[id] = w;
  }
  stream->on_close([this, office, id] {
    std::lock_guard lock(mutex_);
    auto it = offices_.find(office);
    if (it != offices_.end()) it->second.watchers.erase(id);
  });
  send(w, *board, w.ticket_id == 0 ? board->public_json().dump() : std::string());
}

size_t LiveBoard::watchers() const {
  std::lock_guard lock(mutex_);
  size_t n = 0;
  for (const auto& [office, state] : offices_) n += state.watchers.size();
  return n;
}

void LiveBoard::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !dirty_.empty(); });
    if (stopping_) return;
    std::string office = *dirty_.begin();
    dirty_.erase(dirty_.begin());
    lock.unlock();
    try {
      auto board = rebuild(office);
      std::vector<Watcher> watchers;
      {
        std::lock_guard copy(mutex_);
        auto it = offices_.find(office);
        if (it != offices_.end()) {
          watchers.reserve(it->second.watchers.size());
          for (const auto& [id, w] : it->second.watchers) watchers.push_back(w);
        }
      }
      std::string board_json = board->public_json().dump();
      for (const auto& w : watchers) send(w, *board, board_json);
    } catch (const std::exception& e) {
      platform::log::error("queue_board_reload_failed", {{"office", office}, {"what", e.what()}});
    }
    lock.lock();
  }
}

}  // namespace madoguchi::queue
