#include "platform/db/pg_events.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <vector>

#include "platform/db/pg_connection.h"
#include "platform/log.h"

namespace madoguchi::platform::db {

// What subscriptions share with the bus: they may outlive it.
struct PgEvents::Shared {
  std::mutex mutex;
  std::mutex delivering;  // held while callbacks run, so unsubscribing waits for a running one
  std::thread::id listener;
  std::map<uint64_t, std::shared_ptr<Entry>> subscribers;
  std::set<std::string> wanted;  // channels to LISTEN on
  uint64_t next_id = 1;
};

PgEvents::PgEvents(Database& database, std::string listen_url)
    : database_(database),
      listen_url_(std::move(listen_url)),
      shared_(std::make_shared<Shared>()),
      wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  thread_ = std::thread([this] { run(); });
  std::lock_guard lock(shared_->mutex);
  shared_->listener = thread_.get_id();
}

PgEvents::~PgEvents() {
  stopping_ = true;
  wake();
  thread_.join();
  ::close(wake_fd_);
}

void PgEvents::wake() {
  const uint64_t one = 1;
  [[maybe_unused]] auto written = ::write(wake_fd_, &one, sizeof one);
}

void PgEvents::publish(std::string_view channel, std::string_view payload) {
  check_event(channel, payload);
  database_.write([&](Connection& c) { c.execute("SELECT pg_notify(?, ?)", {channel, payload}); });
}

Subscription PgEvents::subscribe(std::string_view channel, Callback callback) {
  check_event(channel, "");
  uint64_t id = 0;
  {
    std::lock_guard lock(shared_->mutex);
    id = shared_->next_id++;
    shared_->subscribers.emplace(id, std::make_shared<Entry>(Entry{std::string(channel), std::move(callback)}));
    shared_->wanted.insert(std::string(channel));
  }
  wake();
  std::weak_ptr<Shared> weak = shared_;
  return Subscription([weak, id] {
    auto shared = weak.lock();
    if (!shared) return;
    std::thread::id listener;
    {
      std::lock_guard lock(shared->mutex);
      shared->subscribers.erase(id);
      listener = shared->listener;
    }
    if (std::this_thread::get_id() != listener) std::lock_guard wait_for_delivery(shared->delivering);
  });
}

void PgEvents::deliver(const std::string& channel, const std::string& payload) {
  std::vector<std::pair<uint64_t, std::shared_ptr<Entry>>> targets;
  {
    std::lock_guard lock(shared_->mutex);
    for (const auto& [id, entry] : shared_->subscribers) {
      if (channel.empty() || entry->channel == channel) targets.emplace_back(id, entry);
    }
  }
  std::lock_guard delivering(shared_->delivering);
  for (const auto& [id, entry] : targets) {
    std::unique_lock lock(shared_->mutex);
    const bool still_subscribed = shared_->subscribers.contains(id);
    lock.unlock();
    if (still_subscribed) entry->callback(entry->channel, payload);
  }
}

void PgEvents::run() {
  std::unique_ptr<PgConnection> connection;
  std::set<std::string> listening;
  bool lost = false;
  while (!stopping_) {
    if (!connection || !connection->healthy()) {
      connection.reset();
      listening.clear();
      try {
        connection = std::make_unique<PgConnection>(listen_url_, Connection::Mode::read_write);
        if (lost) {
          log::info("events_reconnected", {});
          deliver("", "");
        }
        lost = false;
      } catch (const DbError& e) {
        if (!lost) log::warn("events_unavailable", {{"what", e.what()}});
        lost = true;
        pollfd wait{wake_fd_, POLLIN, 0};
        ::poll(&wait, 1, 1000);
        uint64_t drained;
        [[maybe_unused]] auto read = ::read(wake_fd_, &drained, sizeof drained);
        continue;
      }
    }
    try {
      std::set<std::string> wanted;
      {
        std::lock_guard lock(shared_->mutex);
        wanted = shared_->wanted;
      }
      for (const auto& channel : wanted) {
        if (listening.insert(channel).second) connection->exec("LISTEN \"" + channel + "\"");
      }
      pollfd fds[2] = {{PQsocket(connection->handle()), POLLIN, 0}, {wake_fd_, POLLIN, 0}};
      ::poll(fds, 2, 1000);
      if (fds[1].revents & POLLIN) {
        uint64_t drained;
        [[maybe_unused]] auto read = ::read(wake_fd_, &drained, sizeof drained);
      }
      if (!PQconsumeInput(connection->handle())) {
        lost = true;
        log::warn("events_unavailable", {{"what", PQerrorMessage(connection->handle())}});
        connection.reset();
        continue;
      }
      while (PGnotify* notice = PQnotifies(connection->handle())) {
        const std::string channel = notice->relname, payload = notice->extra;
        PQfreemem(notice);
        deliver(channel, payload);
      }
    } catch (const DbError& e) {
      lost = true;
      log::warn("events_unavailable", {{"what", e.what()}});
      connection.reset();
    }
  }
}

}  // namespace madoguchi::platform::db
