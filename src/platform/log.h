// Structured logging as JSON lines: one object per line with a timestamp, a
// level and an event name, for the application log and the access log.
// Callers must never pass personal data (names, the individual number).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace madoguchi::platform::log {

struct Settings {
  std::string level = "info";        // debug, info, warn, error
  std::string destination = "stderr";  // stderr, stdout, off, or a file path
  std::string access = "stdout";     // where the access log goes (same choices)
};

void configure(const Settings& settings);
void debug(std::string_view event, nlohmann::json fields = nlohmann::json::object());
void info(std::string_view event, nlohmann::json fields = nlohmann::json::object());
void warn(std::string_view event, nlohmann::json fields = nlohmann::json::object());
void error(std::string_view event, nlohmann::json fields = nlohmann::json::object());
// One access-log line; the path is JSON-escaped, nothing else is user data.
void access(std::string_view method, std::string_view path, std::string_view route, int status, size_t bytes,
            double milliseconds, std::string_view remote, std::string_view request_id);
// Writes out whatever is buffered (before exit).
void flush();

}  // namespace madoguchi::platform::log
