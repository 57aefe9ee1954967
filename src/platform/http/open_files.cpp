#include "platform/http/open_files.h"

#include <sys/resource.h>

namespace madoguchi::platform::http {

namespace {

constexpr uint64_t kReserved = 128;             // descriptors kept for everything but clients
constexpr rlim_t kInfiniteHardLimit = 1 << 20;  // what to ask for when the hard limit is "unlimited"

}  // namespace

OpenFileLimit raise_open_file_limit() {
  OpenFileLimit out;
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return out;
  out.was = limit.rlim_cur;
  out.hard = limit.rlim_max;
  rlim_t target = limit.rlim_max == RLIM_INFINITY ? kInfiniteHardLimit : limit.rlim_max;
  if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < target) {
    rlimit raised{target, limit.rlim_max};
    ::setrlimit(RLIMIT_NOFILE, &raised);
  }
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0) out.now = limit.rlim_cur;
  return out;
}

uint64_t connections_that_fit(uint64_t limit) { return limit > 2 * kReserved ? limit - kReserved : limit / 2; }

}  // namespace madoguchi::platform::http
