// Server: the HTTP/1.1 server (Boost.Beast on Asio, one io_context per I/O
// thread, each with its own SO_REUSEPORT acceptor). Requests are parsed on the
// I/O threads, routed, and handled on a worker pool unless the route is marked
// inline. It enforces header, body and time limits, writes a JSON access log,
// records metrics, and stops gracefully: no new connections, in-flight
// requests finish, idle connections close. At start it raises the open-file
// limit (open_files.h) and logs what it got; it holds at most max_connections
// client connections (further ones wait in the listen backlog until one
// closes), and when accept() fails for want of descriptors or memory it
// backs off (10 ms doubling to 1 s) instead of retrying at once, logging the
// pause and the resumption once each.
// Event-stream responses (SSE) stay open on the I/O threads with no thread of
// their own (event_stream.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "platform/http/http_error.h"
#include "platform/http/router.h"
#include "platform/metrics.h"

namespace madoguchi::platform::http {

struct ServerState;

struct ServerSettings {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;                    // 0 picks a free port
  size_t io_threads = 0;                   // 0: one per core
  size_t workers = 64;                     // threads for blocking handlers
  size_t max_header_bytes = 16 * 1024;     // beyond: 431
  size_t max_body_bytes = 1024 * 1024;     // beyond: 413 (routes may raise it)
  std::chrono::seconds request_timeout{30};  // to receive a whole request: 408
  std::chrono::seconds idle_timeout{15};     // keep-alive wait for the next request
  std::chrono::seconds shutdown_grace{20};   // in-flight requests get this long
  size_t max_connections = 10000;            // client connections held at once (lowered to fit the open-file limit)
  std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-For names the client
  std::chrono::seconds stream_heartbeat{25};   // a comment on idle event streams this often
  size_t stream_max_pending_bytes = 256 * 1024;  // a slower event-stream client is closed
};

class Server {
 public:
  Server(ServerSettings settings, Router& router, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Global middleware, applied to every request (404s included), outermost first.
  void use(Middleware middleware);
  void set_error_renderer(ErrorRenderer renderer);

  // Binds and starts serving; returns the bound port. Throws if it cannot bind.
  uint16_t start();
  // Blocks until SIGTERM or SIGINT arrives (or stop() is called), then shuts
  // down gracefully and returns.
  void run_until_signal();
  // Begins a graceful shutdown; safe from any thread.
  void stop();
  // Blocks until every I/O and worker thread has finished.
  void wait();

 private:
  std::unique_ptr<ServerState> impl_;
};

}  // namespace madoguchi::platform::http
