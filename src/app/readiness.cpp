#include "app/readiness.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "platform/log.h"
#include "platform/time.h"

namespace madoguchi::app {

namespace {

// Writes, fsyncs and removes a 4 KiB file; "ok", "full" or "unwritable".
std::string probe_disk(const std::filesystem::path& data_dir) {
  auto path = data_dir / (".readiness-" + std::to_string(::getpid()));
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return errno == ENOSPC || errno == EDQUOT ? "full" : "unwritable";
  std::string block(4096, '\0');
  std::string outcome = "ok";
  if (::write(fd, block.data(), block.size()) != static_cast<ssize_t>(block.size()) || ::fsync(fd) != 0) {
    outcome = errno == ENOSPC || errno == EDQUOT ? "full" : "unwritable";
  }
  ::close(fd);
  ::unlink(path.c_str());
  return outcome;
}

}  // namespace

ReadinessProbe::ReadinessProbe(platform::db::Database& database, std::filesystem::path data_dir,
                               std::chrono::milliseconds keep_for)
    : database_(database), data_dir_(std::move(data_dir)), keep_for_(keep_for) {}

Readiness ReadinessProbe::check() {
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (last_ && now - last_at_ < keep_for_) return *last_;
  Readiness result = probe();
  if (last_ && last_->ready != result.ready) {
    platform::log::warn("readiness_changed",
                        {{"ready", result.ready}, {"database", result.database}, {"disk", result.disk}});
  }
  last_ = result;
  last_at_ = std::chrono::steady_clock::now();
  return result;
}

Readiness ReadinessProbe::probe() {
  Readiness result;
  result.disk = probe_disk(data_dir_);
  try {
    std::string now = platform::now_iso();
    database_.write([&](platform::db::Connection& c) {
      c.execute("INSERT INTO readiness_heartbeat (id, beat_at) VALUES (1, ?) "
                "ON CONFLICT (id) DO UPDATE SET beat_at = excluded.beat_at",
                {now});
    });
    result.database = "ok";
  } catch (const std::exception&) {
    result.database = "cannot_commit";
  }
  result.ready = result.database == "ok" && result.disk == "ok";
  return result;
}

}  // namespace madoguchi::app
