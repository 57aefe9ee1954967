// EventStream: one open Server-Sent Events response (text/event-stream). A
// handler answers with Response::event_stream(opener); the server sends the
// headers and then calls opener(stream) once, on the connection's I/O thread,
// so the opener must not block (do database work in the handler and capture
// its result). From then on any thread may send() events; they are written in
// order. The server holds the connection without a thread of its own, sends a
// comment every heartbeat to keep proxies from closing it, and closes it when
// the client goes away, when sends pile up past the slow-client limit, or at
// shutdown; then the on_close callbacks run (drop subscriptions there).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace madoguchi::platform::http {

class EventStream {
 public:
  virtual ~EventStream() = default;
  // Queues one event ("event: NAME", "id: ID" when given, each line of data as
  // "data: …"). Thread-safe; returns false, sending nothing, once closed.
  virtual bool send(std::string_view event, std::string_view data, std::string_view id = {}) = 0;
  virtual void close() = 0;
  virtual bool closed() const = 0;
  // Runs fn once the stream has closed (at once if it already has). Thread-safe.
  virtual void on_close(std::function<void()> fn) = 0;
};

using StreamOpener = std::function<void(std::shared_ptr<EventStream>)>;

// The wire form of one event, as send() writes it; CR and LF inside data
// start new data lines, and event and id lose any line breaks.
std::string format_event(std::string_view event, std::string_view data, std::string_view id = {});

}  // namespace madoguchi::platform::http
