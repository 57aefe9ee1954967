#include "platform/events/pg_event_bus.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

#include "platform/db/pg_connection.h"
#include "platform/log.h"

namespace madoguchi::platform::events {

PgEventBus::PgEventBus(db::Database& database, std::string listen_url)
    : database_(database), listen_url_(std::move(listen_url)), wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  thread_ = std::thread([this] { run(); });
}

PgEventBus::~PgEventBus() {
  stopping_ = true;
  wake();
  thread_.join();
  ::close(wake_fd_);
}

void PgEventBus::wake() {
  const uint64_t one = 1;
  [[maybe_unused]] auto written = ::write(wake_fd_, &one, sizeof one);
}

void PgEventBus::publish(std::string_view channel, std::string_view payload) {
  check(channel, payload);
  database_.write([&](db::Connection& c) { c.execute("SELECT pg_notify(?, ?)", {channel, payload}); });
}

Subscription PgEventBus::subscribe(std::string_view channel, Handler handler) {
  check(channel, "");
  uint64_t id = 0;
  {
    std::lock_guard lock(mutex_);
    id = next_id_++;
    subscribers_.emplace(id, std::make_shared<Entry>(Entry{std::string(channel), std::move(handler)}));
    wanted_.insert(std::string(channel));
  }
  wake();
  return Subscription(this, id);
}

void PgEventBus::unsubscribe(uint64_t id) {
  {
    std::lock_guard lock(mutex_);
    subscribers_.erase(id);
  }
  if (std::this_thread::get_id() != thread_.get_id()) std::lock_guard wait_for_delivery(delivering_);
}

void PgEventBus::deliver(const std::string& channel, const std::string& payload) {
  std::vector<std::shared_ptr<Entry>> targets;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, entry] : subscribers_) {
      if (channel.empty() || entry->channel == channel) targets.push_back(entry);
    }
  }
  std::lock_guard delivering(delivering_);
  for (const auto& entry : targets) {
    std::unique_lock lock(mutex_);
    const bool still_subscribed = std::any_of(subscribers_.begin(), subscribers_.end(),
                                              [&](const auto& item) { return item.second == entry; });
    lock.unlock();
    if (still_subscribed) entry->handler(payload);
  }
}

void PgEventBus::run() {
  std::unique_ptr<db::PgConnection> connection;
  std::set<std::string> listening;
  bool lost = false;
  while (!stopping_) {
    if (!connection || !connection->healthy()) {
      connection.reset();
      listening.clear();
      try {
        connection = std::make_unique<db::PgConnection>(listen_url_, db::Connection::Mode::read_write);
        if (lost) {
          log::info("events_reconnected", {});
          deliver("", "");  // events may have been missed meanwhile: subscribers read the state again
        }
        lost = false;
      } catch (const db::DbError& e) {
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
        std::lock_guard lock(mutex_);
        wanted = wanted_;
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
    } catch (const db::DbError& e) {
      lost = true;
      log::warn("events_unavailable", {{"what", e.what()}});
      connection.reset();
    }
  }
}

}  // namespace madoguchi::platform::events
