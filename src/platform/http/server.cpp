#include "platform/http/server.h"


#include <array>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "platform/db/db_error.h"
#include "platform/http/beast_request.h"
#include "platform/http/client_address.h"
#include "platform/http/loggable_path.h"
#include "platform/http/open_files.h"
#include "platform/http/url.h"
#include "platform/log.h"
#include "platform/worker_pool.h"

namespace madoguchi::platform::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string new_request_id() {
  static std::atomic<uint64_t> counter{0};
  static const uint64_t boot = static_cast<uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%08llx-%06llx", static_cast<unsigned long long>(boot & 0xffffffff),
                static_cast<unsigned long long>(counter.fetch_add(1) & 0xffffff));
  return buf;
}

HttpError transport_error(int status) {
  switch (status) {
    case 408:
      return HttpError(408, "request_timeout", "リクエストの受信が時間内に終わりませんでした。もう一度お試しください。",
                       "The request was not received in time. Please try again.");
    case 413:
      return HttpError(413, "payload_too_large", "送信されたデータが大きすぎます。",
                       "The request body is too large.");
    case 431:
      return HttpError(431, "header_too_large", "リクエストのヘッダーが大きすぎます。",
                       "The request header fields are too large.");
    default:
      return HttpError(400, "bad_request", "リクエストの形式が正しくありません。", "The request is malformed.");
  }
}

}  // namespace

class Connection;
class ConnectionStream;

// One listening socket, on its own io_context, and how its accepting fares.
struct Acceptor {
  std::unique_ptr<tcp::acceptor> socket;
  std::unique_ptr<asio::steady_timer> retry;  // backs off after accept() ran out of descriptors
  std::chrono::milliseconds backoff{0};
  size_t failures = 0;                        // failed accepts since the last success
  std::atomic<bool> waiting_for_slot{false};  // paused at the connection cap
};

struct ServerState {
  ServerState(ServerSettings s, Router& r, Metrics& m) : settings(std::move(s)), router(r), metrics(m) {}

  ServerSettings settings;
  Router& router;
  Metrics& metrics;
  std::vector<Middleware> middleware;
  ErrorRenderer error_renderer = render_error_as_json;
  std::unordered_map<const Route*, Handler> composed;

  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<std::unique_ptr<Acceptor>> acceptors;
  size_t max_connections = 0;
  std::atomic<size_t> slots{0};  // open client connections plus accepts waiting for one
  std::atomic<int64_t> limit_logged_at{-3600};  // steady-clock seconds of the last connection_limit_reached
  // Keep each io_context running while its acceptor is paused (at the cap) with nothing else to do.
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  std::vector<std::thread> threads;
  std::unique_ptr<WorkerPool> pool;
  std::atomic<bool> stopping{false};
  std::atomic<bool> started{false};
  std::atomic<asio::io_context*> signal_context{nullptr};

  std::mutex connections_mutex;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections;

  std::mutex done_mutex;
  std::condition_variable done_cv;
  bool done = false;
  std::thread grace_watch;

  // Metric handles per route, method and status, looked up once.
  struct RouteMetrics {
    Counter* requests;
    Histogram* latency;
  };
  mutable std::mutex route_metrics_mutex;
  mutable std::unordered_map<std::string, RouteMetrics> route_metrics;

  Handler compose(Handler inner) const;
  Response invoke(const Handler& handler, Request& request) const;
  Handler handler_for(const RouteMatch& match) const;
  void accept(size_t index);
  void take_connection(size_t index);
  void back_off(size_t index, const beast::error_code& ec);
  bool reserve_slot();
  void release_slot();
  void note_limit_reached();
  void record(const Request& request, const Response& response) const;
  RouteMetrics& metrics_for(const std::string& route, const std::string& method, int status) const;
};

// One client connection: reads requests one after another (keep-alive), hands
// each to a handler and writes the answer. Lives on one io_context's thread.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(ServerState& server, tcp::socket socket)
      : server_(server), stream_(std::move(socket)), deadline_(stream_.get_executor()) {}

  ~Connection() {
    {
      std::lock_guard lock(server_.connections_mutex);
      server_.connections.erase(this);
    }
    server_.metrics.gauge("http_open_connections", "Client connections currently open").add(-1);
    server_.release_slot();
  }

  void start() {
    {
      std::lock_guard lock(server_.connections_mutex);
      server_.connections[this] = weak_from_this();
    }
    server_.metrics.gauge("http_open_connections", "Client connections currently open").add(1);
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = endpoint.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ec);
    read_header();
  }

  // Called at shutdown: a connection waiting for its next request, or holding
  // an event stream, closes now.
  void close_if_idle() {
    if ((state_ == State::awaiting && buffer_.size() == 0) || state_ == State::streaming) close();
  }

  // Event streams: append a chunk to the write queue (on the I/O thread).
  void queue_chunk(std::string chunk) {
    if (state_ != State::streaming) return;
    if (outgoing_bytes_ + chunk.size() > server_.settings.stream_max_pending_bytes) {
      log::warn("event_stream_slow_client", {{"pending_bytes", outgoing_bytes_}});
      return close();
    }
    outgoing_bytes_ += chunk.size();
    outgoing_.push_back(std::move(chunk));
    if (!sending_) write_next_chunk();
  }

  asio::any_io_executor executor() { return stream_.get_executor(); }

 private:
  enum class State { awaiting, reading, handling, writing, streaming, closed };

  void read_header() {
    if (server_.stopping) return close();
    state_ = State::awaiting;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.settings.max_header_bytes));
    // Beast checks Content-Length against the body limit while parsing the
    // header, but the route's own limit is only known after it (on_header).
    // (Beast 1.74 compares a length with boost::none as "over the limit".)
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    arm_deadline(server_.settings.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared_from_this()](beast::error_code ec, size_t) { self->on_header(ec); });
  }

  // Reads are bounded by our own timer rather than the stream's expiry: on
  // expiry it cancels the read but keeps the socket, so a 408 can be sent.
  void arm_deadline(std::chrono::steady_clock::duration after) {
    stream_.expires_never();
    timed_out_ = false;
    deadline_.expires_after(after);
    deadline_.async_wait([weak = weak_from_this()](beast::error_code ec) {
      auto self = weak.lock();
      if (ec || !self) return;
      self->timed_out_ = true;
      beast::error_code ignored;
      self->stream_.socket().cancel(ignored);
    });
  }

  void on_header(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    deadline_.cancel();
    state_ = State::reading;
    auto& header = parser_->get();
    std::string_view target(header.target().data(), header.target().size());
    std::string_view path = target.substr(0, target.find('?'));
    match_ = server_.router.match(std::string_view(header.method_string().data(), header.method_string().size()),
                                  percent_decode(path));
    size_t limit = server_.settings.max_body_bytes;
    if (match_.route && match_.route->options.max_body_bytes) limit = *match_.route->options.max_body_bytes;
    if (auto length = parser_->content_length(); length && *length > limit) return fail(413);
    parser_->body_limit(limit);
    arm_deadline(server_.settings.request_timeout);
    auto expect = header[bhttp::field::expect];
    if (beast::iequals(expect, "100-continue")) {
      auto cont = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, header.version());
      bhttp::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code wec, size_t) {
        if (wec) return self->close();
        self->read_body();
      });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared_from_this()](beast::error_code ec, size_t) { self->on_body(ec); });
  }

  void on_read_error(beast::error_code ec) {
    deadline_.cancel();
    if (ec == bhttp::error::header_limit) return fail(431);
    if (ec == bhttp::error::body_limit) return fail(413);
    bool got_some = parser_ && parser_->got_some();
    if (timed_out_) return got_some ? fail(408) : close();
    if (ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == bhttp::error::partial_message) {
      return close();
    }
    return got_some ? fail(400) : close();
  }

  void on_body(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    deadline_.cancel();
    state_ = State::handling;
    auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    head_ = message.method() == bhttp::verb::head;
    version_ = message.version();
    Request request = request_from_message(std::move(message));
    request.received_at = std::chrono::steady_clock::now();
    request.remote_address =
        client_address(remote_, request.headers.get("x-forwarded-for").value_or(""), server_.settings.trusted_proxies);
    request.request_id = new_request_id();
    request.path_params = std::move(match_.params);
    if (match_.route) request.route = match_.route->pattern;
    dispatch(std::move(request));
  }

  void dispatch(Request request) {
    Handler handler = server_.handler_for(match_);
    bool inline_io = match_.route && match_.route->options.inline_io;
    if (inline_io) {
      Response response = server_.invoke(handler, request);
      return write(std::move(response));
    }
    struct Task {
      std::shared_ptr<Connection> self;
      Request request;
      Handler handler;
      asio::executor_work_guard<asio::any_io_executor> guard;
    };
    auto task = std::make_shared<Task>(
        Task{shared_from_this(), std::move(request), std::move(handler), asio::make_work_guard(stream_.get_executor())});
    server_.pool->post([task]() mutable {
      auto response = std::make_shared<Response>(task->self->server_.invoke(task->handler, task->request));
      auto self = std::move(task->self);
      auto executor = self->stream_.get_executor();
      asio::post(executor, [self = std::move(self), response]() mutable { self->write(std::move(*response)); });
      task->guard.reset();
    });
  }

  // Answers a request that could not be read completely, then closes.
  void fail(int status) {
    keep_alive_ = false;
    Request request;
    request.received_at = std::chrono::steady_clock::now();
    request.remote_address = remote_;
    request.request_id = new_request_id();
    if (parser_ && parser_->got_some()) {
      const auto& header = parser_->get();
      request.method = std::string(header.method_string());
      request.target = std::string(header.target());
      request.path = request.target.substr(0, request.target.find('?'));
      version_ = header.version() ? header.version() : 11;
    }
    Response response = server_.error_renderer(request, transport_error(status));
    server_.record(request, response);
    write(std::move(response));
  }

  void write(Response response) {
    if (state_ == State::closed) return;
    if (response.stream && !head_) return open_stream(std::move(response));
    state_ = State::writing;
    bool keep = keep_alive_ && !server_.stopping;
    if (response.file) {
      auto message = std::make_shared<bhttp::response<bhttp::file_body>>();
      beast::error_code ec;
      message->body().open(response.file->c_str(), beast::file_mode::scan, ec);
      if (ec) {
        Request none;
        return write(server_.error_renderer(none, not_found()));
      }
      if (head_) return write_head(response, message->body().size(), keep);
      fill(*message, response, keep);
      message->prepare_payload();
      send(message, keep);
    } else {
      if (head_) return write_head(response, response.body.size(), keep);
      auto message = std::make_shared<bhttp::response<bhttp::string_body>>();
      message->body() = std::move(response.body);
      fill(*message, response, keep);
      message->prepare_payload();
      send(message, keep);
    }
  }

  // Sends the headers of an event stream (no length: the body ends when the
  // connection closes), then hands the stream to the handler's opener.
  void open_stream(Response response) {
    state_ = State::streaming;
    parser_.reset();
    buffer_.clear();
    buffer_.shrink_to_fit();
    match_ = RouteMatch{};
    auto message = std::make_shared<bhttp::response<bhttp::empty_body>>();
    fill(*message, response, false);
    auto serializer = std::make_shared<bhttp::response_serializer<bhttp::empty_body>>(*message);
    stream_.expires_after(server_.settings.request_timeout);
    bhttp::async_write_header(
        stream_, *serializer,
        [self = shared_from_this(), message, serializer, opener = std::move(response.stream)](beast::error_code ec,
                                                                                              size_t) {
          if (ec) return self->close();
          self->stream_.expires_never();
          self->begin_stream(opener);
        });
  }

  void begin_stream(const StreamOpener& opener);

  void write_next_chunk() {
    sending_ = true;
    asio::async_write(stream_, asio::buffer(outgoing_.front()), [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return self->close();
      self->outgoing_bytes_ -= self->outgoing_.front().size();
      self->outgoing_.pop_front();
      if (self->outgoing_.empty()) {
        self->sending_ = false;
      } else {
        self->write_next_chunk();
      }
    });
  }

  // A client of an event stream sends nothing; a finished read means it left.
  void watch_peer() {
    stream_.async_read_some(asio::buffer(peer_bytes_), [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return self->close();
      self->watch_peer();
    });
  }

  void heartbeat() {
    deadline_.expires_after(server_.settings.stream_heartbeat);
    deadline_.async_wait([weak = weak_from_this()](beast::error_code ec) {
      auto self = weak.lock();
      if (ec || !self || self->state_ != State::streaming) return;
      self->queue_chunk(": keep-alive\n\n");
      self->heartbeat();
    });
  }

  // HEAD: the headers a GET would send, with no body.
  void write_head(const Response& response, uint64_t length, bool keep) {
    auto message = std::make_shared<bhttp::response<bhttp::empty_body>>();
    fill(*message, response, keep);
    message->content_length(length);
    send(message, keep);
  }

  template <class Message>
  void fill(Message& message, const Response& response, bool keep) {
    message.version(version_ ? version_ : 11);
    message.result(static_cast<unsigned>(response.status));
    for (const auto& [name, value] : response.headers.fields()) message.insert(name, value);
    message.keep_alive(keep);
  }

  template <class Message>
  void send(std::shared_ptr<Message> message, bool keep) {
    stream_.expires_after(server_.settings.request_timeout);
    bhttp::async_write(stream_, *message, [self = shared_from_this(), message, keep](beast::error_code ec, size_t) {
      if (ec || !keep) return self->close();
      self->read_header();
    });
  }

  void close();

  ServerState& server_;
  beast::tcp_stream stream_;
  asio::steady_timer deadline_;
  bool timed_out_ = false;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  RouteMatch match_;
  std::string remote_;
  State state_ = State::awaiting;
  bool keep_alive_ = false;
  bool head_ = false;
  unsigned version_ = 11;
  std::shared_ptr<ConnectionStream> event_stream_;
  std::deque<std::string> outgoing_;
  size_t outgoing_bytes_ = 0;
  bool sending_ = false;
  std::array<char, 64> peer_bytes_{};
};

namespace {

HttpError internal_error() {
  return HttpError(500, "internal_error",
                   "申し訳ありません。システムの内部でエラーが起きました。時間をおいてもう一度お試しください。",
                   "Sorry, something went wrong on our side. Please try again later.");
}

// The database cannot be reached or cannot write: 503, to be tried again.
HttpError database_unavailable(const db::DbError& e) {
  if (e.kind() == db::DbError::Kind::outcome_unknown) {
    return HttpError(503, "outcome_unknown",
                     "接続が途切れたため、送信した内容が保存されたか確認できませんでした。少し時間をおいて、受付状況を確かめるか、"
                     "同じ内容をもう一度送ってください（同じ受付は二重になりません）。",
                     "The connection was lost, so we cannot tell whether what you sent was saved. In a little while, "
                     "check its status or send it again (the same request is never taken twice).",
                     {{"retry_after_seconds", 5}});
  }
  return HttpError(503, "service_unavailable",
                   "ただいま混み合っているか保守中のため、受け付けできません。少し時間をおいてもう一度お試しください。"
                   "送信した内容は保存されていません。",
                   "We cannot take this right now (the system is busy or under maintenance). Please try again in a "
                   "little while; what you sent was not saved.",
                   {{"retry_after_seconds", 5}});
}

}  // namespace

// The EventStream of one streaming connection. It holds the connection weakly;
// every write is posted to the connection's executor.
class ConnectionStream final : public EventStream {
 public:
  ConnectionStream(std::weak_ptr<Connection> connection, asio::any_io_executor executor)
      : connection_(std::move(connection)), executor_(std::move(executor)) {}

  bool send(std::string_view event, std::string_view data, std::string_view id) override {
    if (closed_) return false;
    asio::post(executor_, [weak = connection_, chunk = format_event(event, data, id)]() mutable {
      if (auto connection = weak.lock()) connection->queue_chunk(std::move(chunk));
    });
    return true;
  }

  void close() override {
    asio::post(executor_, [weak = connection_] {
      if (auto connection = weak.lock()) connection->close_if_idle();
    });
  }

  bool closed() const override { return closed_; }

  void on_close(std::function<void()> fn) override {
    {
      std::lock_guard lock(mutex_);
      if (!closed_) {
        callbacks_.push_back(std::move(fn));
        return;
      }
    }
    fn();
  }

  void mark_closed() {
    std::vector<std::function<void()>> callbacks;
    {
      std::lock_guard lock(mutex_);
      if (closed_) return;
      closed_ = true;
      callbacks.swap(callbacks_);
    }
    for (auto& fn : callbacks) fn();
  }

 private:
  std::weak_ptr<Connection> connection_;
  asio::any_io_executor executor_;
  std::mutex mutex_;
  std::atomic<bool> closed_{false};
  std::vector<std::function<void()>> callbacks_;
};

void Connection::begin_stream(const StreamOpener& opener) {
  event_stream_ = std::make_shared<ConnectionStream>(weak_from_this(), stream_.get_executor());
  server_.metrics.gauge("http_open_event_streams", "Event-stream (SSE) responses currently open").add(1);
  watch_peer();
  heartbeat();
  opener(event_stream_);
}

void Connection::close() {
  if (state_ == State::closed) return;
  state_ = State::closed;
  deadline_.cancel();
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream_.socket().close(ec);
  outgoing_.clear();
  if (auto stream = std::move(event_stream_)) {
    server_.metrics.gauge("http_open_event_streams", "Event-stream (SSE) responses currently open").add(-1);
    stream->mark_closed();
  }
}

Handler ServerState::compose(Handler inner) const {
  auto renderer = error_renderer;
  auto guarded = [renderer](const Handler& next) -> Handler {
    return [renderer, next](Request& request) -> Response {
      try {
        return next(request);
      } catch (const HttpError& e) {
        return renderer(request, e);
      } catch (const db::DbError& e) {
        if (e.is_unavailable()) {
          log::warn("database_unavailable",
                    {{"route", request.route}, {"what", e.what()}, {"request_id", request.request_id}});
          return renderer(request, database_unavailable(e));
        }
        log::error("handler_exception", {{"route", request.route}, {"what", e.what()}, {"request_id", request.request_id}});
        return renderer(request, internal_error());
      } catch (const std::exception& e) {
        log::error("handler_exception", {{"route", request.route}, {"what", e.what()}, {"request_id", request.request_id}});
        return renderer(request, internal_error());
      }
    };
  };
  Handler handler = guarded(std::move(inner));
  for (auto it = middleware.rbegin(); it != middleware.rend(); ++it) {
    Middleware m = *it;
    handler = guarded([m, next = std::move(handler)](Request& request) { return m(request, next); });
  }
  return handler;
}

Handler ServerState::handler_for(const RouteMatch& match) const {
  if (match.route) return composed.at(match.route);
  if (!match.allowed_methods.empty()) {
    std::string allow;
    for (const auto& m : match.allowed_methods) allow += (allow.empty() ? "" : ", ") + m;
    return compose([allow](Request&) -> Response {
      throw HttpError(405, "method_not_allowed", "この操作はこのアドレスでは使えません。",
                      "This method is not allowed for this resource.", {{"allow", allow}});
    });
  }
  return compose([](Request&) -> Response { throw not_found(); });
}

Response ServerState::invoke(const Handler& handler, Request& request) const {
  Response response = handler(request);
  response.headers.set("X-Request-Id", request.request_id);
  record(request, response);
  return response;
}

ServerState::RouteMetrics& ServerState::metrics_for(const std::string& route, const std::string& method,
                                                    int status) const {
  std::string key = route + '\n' + method + '\n' + std::to_string(status);
  std::lock_guard lock(route_metrics_mutex);
  auto it = route_metrics.find(key);
  if (it != route_metrics.end()) return it->second;
  RouteMetrics handles{
      &metrics.counter("http_requests_total", "HTTP requests by route, method and status",
                       {{"route", route}, {"method", method}, {"status", std::to_string(status)}}),
      &metrics.histogram("http_request_duration_seconds", "Time from a request's arrival to its answer",
                         Metrics::latency_buckets(), {{"route", route}})};
  return route_metrics.emplace(std::move(key), handles).first->second;
}

void ServerState::record(const Request& request, const Response& response) const {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - request.received_at).count();
  static const std::string unmatched = "unmatched";
  const std::string& route = request.route.empty() ? unmatched : request.route;
  auto& handles = metrics_for(route, request.method, response.status);
  handles.requests->add();
  handles.latency->observe(seconds);
  log::access(request.method, loggable_path(request), route, response.status, response.body.size(), seconds * 1000,
              request.remote_address, request.request_id);
}

namespace {

// accept() failed for want of descriptors or memory: retrying at once would spin.
bool out_of_resources(const beast::error_code& ec) {
  return ec == asio::error::no_descriptors || ec == boost::system::errc::too_many_files_open_in_system ||
         ec == asio::error::no_buffer_space || ec == asio::error::no_memory;
}

}  // namespace

bool ServerState::reserve_slot() {
  size_t used = slots.load();
  while (used < max_connections) {
    if (slots.compare_exchange_weak(used, used + 1)) return true;
  }
  return false;
}

// Gives a slot back and wakes an acceptor paused at the cap (on its own thread).
void ServerState::release_slot() {
  slots.fetch_sub(1);
  for (size_t i = 0; i < acceptors.size(); ++i) {
    if (acceptors[i]->waiting_for_slot.exchange(false)) {
      asio::post(*contexts[i], [this, i] { accept(i); });
      return;
    }
  }
}

void ServerState::note_limit_reached() {
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::steady_clock::now().time_since_epoch()).count();
  int64_t last = limit_logged_at.load();
  if (now - last < 60 || !limit_logged_at.compare_exchange_strong(last, now)) return;
  log::warn("connection_limit_reached", {{"max_connections", max_connections},
                                         {"message", "new connections wait until one closes (server.max_connections)"}});
}

// Waits until a connection is pending on the acceptor's socket, then takes it.
// A slot is reserved only once a connection is there, so an acceptor with
// nothing to accept never holds one that another acceptor's waiting
// connection needs (each SO_REUSEPORT socket has its own queue).
void ServerState::accept(size_t index) {
  auto& acceptor = *acceptors[index];
  if (stopping || !acceptor.socket->is_open()) return;
  acceptor.socket->async_wait(tcp::acceptor::wait_read, [this, index](beast::error_code ec) {
    if (ec == asio::error::operation_aborted || stopping) return;
    if (ec) return back_off(index, ec);
    take_connection(index);
  });
}

void ServerState::take_connection(size_t index) {
  auto& a = *acceptors[index];
  if (!reserve_slot()) {
    a.waiting_for_slot = true;
    note_limit_reached();
    // A connection may have closed before the flag was seen; if so, go on now,
    // unless its release already queued this acceptor's next accept.
    if (!reserve_slot()) return;
    if (!a.waiting_for_slot.exchange(false)) {
      release_slot();
      return;
    }
  }
  beast::error_code ec;
  tcp::socket socket(asio::make_strand(*contexts[index]));
  a.socket->accept(socket, ec);
  if (ec) {
    release_slot();
    if (ec == asio::error::would_block || ec == asio::error::try_again) return accept(index);
    if (out_of_resources(ec)) return back_off(index, ec);
    log::warn("accept_failed", {{"error", ec.message()}});
    return accept(index);
  }
  if (a.failures > 0) {
    log::info("accept_resumed", {{"failed_attempts", a.failures}});
    a.failures = 0;
    a.backoff = std::chrono::milliseconds(0);
  }
  std::make_shared<Connection>(*this, std::move(socket))->start();
  accept(index);
}

void ServerState::back_off(size_t index, const beast::error_code& ec) {
  auto& a = *acceptors[index];
  if (a.failures++ == 0) {
    log::warn("accept_paused", {{"error", ec.message()},
                                {"open_connections", slots.load()},
                                {"message", "out of file descriptors or memory: accepting again after a pause"}});
  }
  a.backoff = a.backoff.count() == 0 ? std::chrono::milliseconds(10)
                                     : std::min(a.backoff * 2, std::chrono::milliseconds(1000));
  a.retry->expires_after(a.backoff);
  a.retry->async_wait([this, index](beast::error_code wait_ec) {
    if (!wait_ec) accept(index);
  });
}

Server::Server(ServerSettings settings, Router& router, Metrics& metrics)
    : impl_(std::make_unique<ServerState>(std::move(settings), router, metrics)) {}

Server::~Server() {
  if (impl_->started) {
    stop();
    wait();
  }
}

void Server::use(Middleware middleware) { impl_->middleware.push_back(std::move(middleware)); }

void Server::set_error_renderer(ErrorRenderer renderer) { impl_->error_renderer = renderer; }

uint16_t Server::start() {
  auto& s = impl_->settings;
  OpenFileLimit files = raise_open_file_limit();
  impl_->max_connections = static_cast<size_t>(std::min<uint64_t>(s.max_connections, connections_that_fit(files.now)));
  log::info("open_files_limit", {{"was", files.was},
                                 {"now", files.now},
                                 {"hard", files.hard},
                                 {"max_connections", impl_->max_connections}});
  size_t n = s.io_threads ? s.io_threads : std::max(1u, std::thread::hardware_concurrency());
  for (const Route* route : impl_->router.routes()) impl_->composed[route] = impl_->compose(route->handler);
  auto address = asio::ip::make_address(s.host);
  uint16_t port = s.port;
  for (size_t i = 0; i < n; ++i) {
    impl_->contexts.push_back(std::make_unique<asio::io_context>(1));
    auto acceptor = std::make_unique<tcp::acceptor>(*impl_->contexts.back());
    tcp::endpoint endpoint(address, port);
    acceptor->open(endpoint.protocol());
    acceptor->set_option(asio::socket_base::reuse_address(true));
    int one = 1;
    ::setsockopt(acceptor->native_handle(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    acceptor->bind(endpoint);
    acceptor->listen(asio::socket_base::max_listen_connections);
    acceptor->non_blocking(true);
    port = acceptor->local_endpoint().port();
    auto entry = std::make_unique<Acceptor>();
    entry->socket = std::move(acceptor);
    entry->retry = std::make_unique<asio::steady_timer>(*impl_->contexts.back());
    impl_->acceptors.push_back(std::move(entry));
  }
  impl_->pool = std::make_unique<WorkerPool>(s.workers);
  for (auto& context : impl_->contexts) impl_->keep_running.push_back(asio::make_work_guard(*context));
  for (size_t i = 0; i < n; ++i) {
    impl_->accept(i);
    impl_->threads.emplace_back([this, i] { impl_->contexts[i]->run(); });
  }
  impl_->started = true;
  log::info("server_started", {{"host", s.host}, {"port", port}, {"io_threads", n}, {"workers", s.workers}});
  return port;
}

void Server::stop() {
  if (impl_->stopping.exchange(true)) return;
  log::info("server_stopping", {{"grace_seconds", impl_->settings.shutdown_grace.count()}});
  for (size_t i = 0; i < impl_->contexts.size(); ++i) {
    asio::post(*impl_->contexts[i], [this, i] {
      beast::error_code ec;
      impl_->acceptors[i]->socket->close(ec);
      impl_->acceptors[i]->retry->cancel();
      impl_->keep_running[i].reset();
    });
  }
  // Collected under the lock, used after it: the last reference to a
  // connection may be ours, and its destructor takes the same lock.
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(impl_->connections_mutex);
    for (auto& [raw, weak] : impl_->connections) {
      if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
  }
  for (auto& connection : open) {
    asio::post(connection->executor(), [connection] { connection->close_if_idle(); });
  }
  if (auto* signals = impl_->signal_context.load()) signals->stop();
  impl_->grace_watch = std::thread([impl = impl_.get()] {
    std::unique_lock lock(impl->done_mutex);
    if (!impl->done_cv.wait_for(lock, impl->settings.shutdown_grace, [impl] { return impl->done; })) {
      log::warn("server_forced_stop", {});
      for (auto& context : impl->contexts) context->stop();
    }
  });
}

void Server::wait() {
  for (auto& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
  if (impl_->pool) impl_->pool->stop();
  {
    std::lock_guard lock(impl_->done_mutex);
    impl_->done = true;
  }
  impl_->done_cv.notify_all();
  if (impl_->grace_watch.joinable()) impl_->grace_watch.join();
  impl_->started = false;
  log::info("server_stopped", {});
}

void Server::run_until_signal() {
  asio::io_context signal_context(1);
  asio::signal_set signals(signal_context, SIGINT, SIGTERM);
  signals.async_wait([this](beast::error_code ec, int signal) {
    if (!ec) log::info("signal_received", {{"signal", signal}});
    stop();
  });
  impl_->signal_context = &signal_context;
  if (!impl_->stopping) signal_context.run();
  impl_->signal_context = nullptr;
  stop();
  wait();
}

}  // namespace madoguchi::platform::http
