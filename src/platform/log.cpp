#include "platform/log.h"

#include <chrono>
#include <memory>
#include <mutex>

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace madoguchi::platform::log {

namespace {

std::mutex g_mutex;
std::shared_ptr<spdlog::logger> g_app;
std::shared_ptr<spdlog::logger> g_access;

std::shared_ptr<spdlog::logger> make_logger(const std::string& name, const std::string& destination) {
  spdlog::drop(name);
  std::shared_ptr<spdlog::logger> logger;
  if (destination == "off") {
    logger = spdlog::create<spdlog::sinks::null_sink_mt>(name);
  } else if (destination == "stdout") {
    logger = spdlog::create<spdlog::sinks::stdout_sink_mt>(name);
  } else if (destination == "stderr") {
    logger = spdlog::create<spdlog::sinks::stderr_sink_mt>(name);
  } else {
    logger = spdlog::create<spdlog::sinks::basic_file_sink_mt>(name, destination);
  }
  logger->set_pattern("%v");
  logger->flush_on(spdlog::level::warn);
  return logger;
}

std::shared_ptr<spdlog::logger> app_logger() {
  std::lock_guard lock(g_mutex);
  if (!g_app) g_app = make_logger("madoguchi", "stderr");
  return g_app;
}

std::string now_iso() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t secs = ms / 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

void emit(spdlog::level::level_enum level, std::string_view event, nlohmann::json fields) {
  auto logger = app_logger();
  if (!logger->should_log(level)) return;
  nlohmann::json line = {{"ts", now_iso()}, {"level", spdlog::level::to_string_view(level).data()}, {"event", event}};
  if (fields.is_object()) line.update(fields);
  logger->log(level, line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace

void configure(const Settings& settings) {
  auto app = make_logger("madoguchi", settings.destination);
  app->set_level(spdlog::level::from_str(settings.level));
  auto acc = make_logger("access", settings.access);
  if (settings.access == "off") acc->set_level(spdlog::level::off);
  spdlog::flush_every(std::chrono::seconds(1));
  std::lock_guard lock(g_mutex);
  g_app = app;
  g_access = acc;
}

void debug(std::string_view event, nlohmann::json fields) { emit(spdlog::level::debug, event, std::move(fields)); }
void info(std::string_view event, nlohmann::json fields) { emit(spdlog::level::info, event, std::move(fields)); }
void warn(std::string_view event, nlohmann::json fields) { emit(spdlog::level::warn, event, std::move(fields)); }
void error(std::string_view event, nlohmann::json fields) { emit(spdlog::level::err, event, std::move(fields)); }

namespace {

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

}  // namespace

void access(std::string_view method, std::string_view path, std::string_view route, int status, size_t bytes,
            double milliseconds, std::string_view remote, std::string_view request_id) {
  std::shared_ptr<spdlog::logger> logger;
  {
    std::lock_guard lock(g_mutex);
    logger = g_access;
  }
  if (!logger || logger->level() == spdlog::level::off) return;
  std::string line;
  line.reserve(256);
  line += "{\"ts\":\"" + now_iso() + "\",\"method\":";
  append_json_string(line, method);
  line += ",\"path\":";
  append_json_string(line, path);
  line += ",\"route\":";
  append_json_string(line, route);
  char numbers[96];
  std::snprintf(numbers, sizeof numbers, ",\"status\":%d,\"bytes\":%zu,\"ms\":%.2f,\"remote\":", status, bytes,
                milliseconds);
  line += numbers;
  append_json_string(line, remote);
  line += ",\"request_id\":";
  append_json_string(line, request_id);
  line += "}";
  logger->info(line);
}

void flush() {
  std::lock_guard lock(g_mutex);
  if (g_app) g_app->flush();
  if (g_access) g_access->flush();
}

}  // namespace madoguchi::platform::log
