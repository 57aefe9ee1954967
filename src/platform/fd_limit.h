// Open-file limit: every open connection (an idle SSE watcher included) is a
// file descriptor, and the usual soft limit of 1,024 is far below what one
// node should hold. raise_open_file_limit() lifts the soft RLIMIT_NOFILE to
// `wanted` (or the hard limit, if lower) and says what it got.
#pragma once

#include <cstdint>

namespace madoguchi::platform {

struct OpenFileLimit {
  uint64_t before = 0;
  uint64_t now = 0;
  uint64_t hard = 0;
};

OpenFileLimit raise_open_file_limit(uint64_t wanted = 1 << 20);

}  // namespace madoguchi::platform
