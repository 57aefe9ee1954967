#include "platform/http/response.h"

#include <nlohmann/json.hpp>

namespace madoguchi::platform::http {

Response Response::json(int status, const nlohmann::json& value) {
  return text(status, value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
              "application/json; charset=utf-8");
}

Response Response::html(int status, std::string body) {
  return text(status, std::move(body), "text/html; charset=utf-8");
}

Response Response::text(int status, std::string body, std::string_view content_type) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers.set("Content-Type", content_type);
  return r;
}

Response Response::redirect(std::string_view location, int status) {
  Response r;
  r.status = status;
  r.headers.set("Location", location);
  return r;
}

Response Response::event_stream(StreamOpener opener) {
  Response r;
  r.status = 200;
  r.headers.set("Content-Type", "text/event-stream; charset=utf-8");
  r.headers.set("Cache-Control", "no-store");
  r.headers.set("X-Accel-Buffering", "no");
  r.stream = std::move(opener);
  return r;
}

}  // namespace madoguchi::platform::http
