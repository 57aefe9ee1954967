// Response: what a handler returns. Either an in-memory body, a file the
// server streams from disk (static assets, attachments), or an open event
// stream (Server-Sent Events, see event_stream.h).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "platform/http/event_stream.h"
#include "platform/http/headers.h"

namespace madoguchi::platform::http {

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  std::optional<std::filesystem::path> file;
  StreamOpener stream;  // set: a text/event-stream response that stays open

  static Response json(int status, const nlohmann::json& value);
  static Response html(int status, std::string body);
  static Response text(int status, std::string body, std::string_view content_type = "text/plain; charset=utf-8");
  // 303 See Other: the Post/Redirect/Get answer to a form post.
  static Response redirect(std::string_view location, int status = 303);
  // 200 text/event-stream; the server calls opener once the headers are sent.
  static Response event_stream(StreamOpener opener);
};

}  // namespace madoguchi::platform::http
