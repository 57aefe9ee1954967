// The process's open-file limit (RLIMIT_NOFILE): every client connection, SSE
// watcher and database file is a descriptor, and the default soft limit
// (often 1,024) is far below what a server holding thousands of connections
// needs. raise_open_file_limit() lifts the soft limit to the hard one.
#pragma once

#include <cstdint>

namespace madoguchi::platform::http {

struct OpenFileLimit {
  uint64_t was = 0;   // the soft limit before
  uint64_t now = 0;   // the soft limit after
  uint64_t hard = 0;  // the hard limit
};

OpenFileLimit raise_open_file_limit();

// How many client connections fit under `limit` descriptors, leaving room for
// the database, logs, uploads and the listening sockets.
uint64_t connections_that_fit(uint64_t limit);

}  // namespace madoguchi::platform::http
