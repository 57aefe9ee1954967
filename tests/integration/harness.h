// Integration-test harness: runs the real madoguchi binary (migrate, then
// serve --port 0 on a fresh data directory), learns the bound port from the
// server's own start-up log line, and talks to it over HTTP with libcurl.
// Tests and the servers they start share one timeline that never reads the
// real date: this process's platform::Clock starts at kTestClockStart, and
// every command is started with clock.start set to this process's now. When
// the run is on PostgreSQL (support/test_database.h), each server gets a new
// database on the suite's server, unless told to share one (several nodes).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/db/connection.h"
#include "support/test_database.h"

namespace madoguchi::testing {

// A Tuesday in June, away from holidays and the year-end closure.
inline constexpr const char* kTestClockStart = "2027-06-15T10:00:00+09:00";

// Today on the tests' timeline, in Japan.
std::chrono::year_month_day test_today();

struct HttpResult {
  long status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;  // lower-case names
  std::string header(const std::string& name) const;
  nlohmann::json json() const;
};

// A libcurl client with its own cookie jar, like one browser.
class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult get(const std::string& url, const std::vector<std::string>& headers = {});
  HttpResult post(const std::string& url, const std::string& body, const std::string& content_type,
                  const std::vector<std::string>& headers = {});
  HttpResult post_json(const std::string& url, const nlohmann::json& body, const std::vector<std::string>& headers = {});
  HttpResult request(const std::string& method, const std::string& url, const std::string& body,
                     const std::vector<std::string>& headers);
  // Value of a cookie the server set in this client's jar.
  std::string cookie(const std::string& name);

 private:
  void* curl_;
};

class ServerProcess;

struct ServerOptions {
  std::map<std::string, std::string> environment;  // extra MADOGUCHI_* settings
  bool seed_demo = false;
  // Runs every command under faketime (libfaketime) from this local time,
  // "2028-02-29 10:00:00", instead of on the tests' timeline.
  std::string faketime;
  // Another node of the same installation: its database and keys are shared.
  const ServerProcess* same_installation_as = nullptr;
  bool migrate = true;
  // The data directory to use instead of a fresh one in the temporary
  // directory; `migrate` creates it when it does not exist. Removed at the end.
  std::filesystem::path data_dir;
  // "SOFT:HARD": the server starts with this RLIMIT_NOFILE (through prlimit).
  std::string open_files;
};

class ServerProcess {
 public:
  explicit ServerProcess(ServerOptions options = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  int pid() const { return pid_; }
  // A connection to this server's database, for checks behind its back.
  std::unique_ptr<platform::db::Connection> database() const;
  const platform::db::DatabaseLocation& database_location() const { return location_; }
  std::string url(const std::string& path) const;
  const std::filesystem::path& data_dir() const { return data_dir_; }
  // The process's standard error so far (application log lines).
  std::string log() const;

  // Sends a signal and waits; returns the exit status (or 128+signal).
  int stop(int signal);
  // Starts the server again on the same data directory (a new port).
  void restart();
  // Runs a madoguchi command on this installation (its data directory and
  // database), with `input` as its standard input; returns {exit code, output}.
  std::pair<int, std::string> command(std::vector<std::string> args, const std::string& input = {}) const;
  bool running() const { return pid_ > 0; }

  // Runs the madoguchi binary with arguments; returns {exit code, stdout+stderr}.
  static std::pair<int, std::string> run_command(const std::vector<std::string>& args,
                                                 const std::map<std::string, std::string>& environment = {},
                                                 const std::string& faketime = {});
  // As run_command, with `input` as the command's standard input.
  static std::pair<int, std::string> run_command_with_input(const std::vector<std::string>& args,
                                                            const std::string& input,
                                                            const std::map<std::string, std::string>& environment = {});

 private:
  void start();

  // The MADOGUCHI_* settings every command of this server gets.
  std::map<std::string, std::string> environment() const;

  ServerOptions options_;
  std::unique_ptr<ScratchDatabase> scratch_;
  platform::db::DatabaseLocation location_;
  std::filesystem::path data_dir_;
  int pid_ = -1;
  int port_ = 0;
  int generation_ = 0;
};

}  // namespace madoguchi::testing
