// /readyz tells a load balancer whether this node can take work, which means
// whether it can commit: the test puts the data directory on a small tmpfs of
// its own, fills the disk, and expects 503 until space is freed again.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "harness.h"
#include "support/scratch.h"

using namespace madoguchi::testing;

namespace {

// A tmpfs mounted for the test, unmounted when it ends.
class SmallDisk {
 public:
  explicit SmallDisk(const std::filesystem::path& where) : path_(where) {
    mounted_ = ::mount("tmpfs", path_.c_str(), "tmpfs", 0, "size=24m,mode=0700") == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  bool mounted_ = false;
};

// Writes zeros to `file` until the disk has no room left.
void fill(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  std::string block(64 * 1024, '\0');
  while (::write(fd, block.data(), block.size()) > 0) {
  }
  std::string byte(1, '\0');
  while (::write(fd, byte.data(), 1) > 0) {
  }
  ::close(fd);
}

// The status /readyz answers once it settles on `expected` within 15 s (or the last one seen).
long readiness_becomes(HttpClient& http, const ServerProcess& server, long expected) {
  long status = 0;
  for (int i = 0; i < 75 && status != expected; ++i) {
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    status = http.get(server.url("/readyz")).status;
  }
  return status;
}

}  // namespace

TEST(Readiness, ReadyzIs503WhileTheDataDiskIsFullAndReadyAgainOnceThereIsRoom) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting a tmpfs needs root";
  SmallDisk disk(scratch_dir("readyz-disk"));
  ASSERT_TRUE(disk.mounted());
  ServerOptions options;
  options.data_dir = disk.path() / "data";
  {
    ServerProcess server(options);
    HttpClient http;
    auto ready = http.get(server.url("/readyz"));
    EXPECT_EQ(ready.status, 200) << ready.body;

    fill(disk.path() / "filler");
    EXPECT_EQ(readiness_becomes(http, server, 503), 503);
    auto full = http.get(server.url("/readyz"));
    EXPECT_EQ(full.json()["status"], "unavailable") << full.body;

    std::filesystem::remove(disk.path() / "filler");
    EXPECT_EQ(readiness_becomes(http, server, 200), 200);
  }
}
