#include "platform/fd_limit.h"

#include <sys/resource.h>

#include <algorithm>

namespace madoguchi::platform {

OpenFileLimit raise_open_file_limit(uint64_t wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return {};
  OpenFileLimit out{limit.rlim_cur, limit.rlim_cur, limit.rlim_max};
  rlim_t target = limit.rlim_max == RLIM_INFINITY ? static_cast<rlim_t>(wanted)
                                                  : std::min<rlim_t>(static_cast<rlim_t>(wanted), limit.rlim_max);
  if (target > limit.rlim_cur) {
    limit.rlim_cur = target;
    if (setrlimit(RLIMIT_NOFILE, &limit) == 0) out.now = target;
  }
  return out;
}

}  // namespace madoguchi::platform
