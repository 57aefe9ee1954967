#include "harness.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <curl/curl.h>

#include "platform/time.h"

extern char** environ;

namespace madoguchi::testing {

namespace {

size_t append_body(char* data, size_t size, size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

size_t append_header(char* data, size_t size, size_t count, void* out) {
  std::string line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    static_cast<std::multimap<std::string, std::string>*>(out)->emplace(name, value);
  }
  return size * count;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The tests' timeline: set once, before any test reads the clock.
const bool timeline_started = [] {
  platform::set_clock_start(*platform::parse_clock_start(kTestClockStart));
  return true;
}();

std::vector<std::string> environment_with(const std::map<std::string, std::string>& extra, const std::string& faketime) {
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    if (entry.rfind("MADOGUCHI_", 0) == 0) continue;
    env.push_back(entry);
  }
  for (const auto& [k, v] : extra) env.push_back(k + "=" + v);
  if (!extra.count("MADOGUCHI_LOG_ACCESS")) env.push_back("MADOGUCHI_LOG_ACCESS=off");
  if (!faketime.empty()) {
    // libfaketime preloaded into the process itself (the faketime command
    // would fork, and a test could then not stop the server by its pid).
    env.push_back("LD_PRELOAD=" MADOGUCHI_LIBFAKETIME);
    env.push_back("FAKETIME=@" + faketime);
    env.push_back("FAKETIME_DONT_FAKE_MONOTONIC=1");
  } else if (!extra.count("MADOGUCHI_CLOCK_START")) {
    env.push_back("MADOGUCHI_CLOCK_START=" + platform::iso_timestamp(platform::Clock::now()));
  }
  return env;
}

int spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& environment,
          const std::filesystem::path& output, const std::filesystem::path* input = nullptr,
          const std::string& faketime = {}, const std::string& open_files = {}) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (input) posix_spawn_file_actions_addopen(&actions, 0, input->c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  std::vector<std::string> words;
  if (!open_files.empty()) words = {"/usr/bin/prlimit", "--nofile=" + open_files, "--"};
  words.push_back(MADOGUCHI_BINARY);
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  auto env = environment_with(environment, faketime);
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error(std::string("cannot start ") + argv[0]);
  return pid;
}

int wait_for(int pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

std::chrono::year_month_day test_today() { return platform::today_in_tokyo(); }

std::string HttpResult::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

nlohmann::json HttpResult::json() const { return nlohmann::json::parse(body); }

HttpClient::HttpClient() : curl_(curl_easy_init()) {
  curl_easy_setopt(static_cast<CURL*>(curl_), CURLOPT_COOKIEFILE, "");
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpResult HttpClient::request(const std::string& method, const std::string& url, const std::string& body,
                               const std::vector<std::string>& headers) {
  CURL* curl = static_cast<CURL*>(curl_);
  HttpResult result;
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  list = curl_slist_append(list, "Expect:");
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, append_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result.headers);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (method == "GET") {
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, nullptr);
  } else {
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method == "POST" ? nullptr : method.c_str());
  }
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(list);
  if (rc != CURLE_OK) throw std::runtime_error(std::string("HTTP request failed: ") + curl_easy_strerror(rc) + " " + url);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &result.status);
  return result;
}

HttpResult HttpClient::get(const std::string& url, const std::vector<std::string>& headers) {
  return request("GET", url, "", headers);
}

HttpResult HttpClient::post(const std::string& url, const std::string& body, const std::string& content_type,
                            const std::vector<std::string>& headers) {
  auto all = headers;
  all.push_back("Content-Type: " + content_type);
  return request("POST", url, body, all);
}

HttpResult HttpClient::post_json(const std::string& url, const nlohmann::json& body,
                                 const std::vector<std::string>& headers) {
  return post(url, body.dump(), "application/json", headers);
}

std::string HttpClient::cookie(const std::string& name) {
  curl_slist* cookies = nullptr;
  curl_easy_getinfo(static_cast<CURL*>(curl_), CURLINFO_COOKIELIST, &cookies);
  std::string value;
  for (auto* c = cookies; c; c = c->next) {
    std::string line(c->data);
    std::vector<std::string> fields;
    std::stringstream s(line);
    std::string field;
    while (std::getline(s, field, '\t')) fields.push_back(field);
    if (fields.size() >= 7 && fields[5] == name) value = fields[6];
  }
  curl_slist_free_all(cookies);
  return value;
}

ServerProcess::ServerProcess(ServerOptions options) : options_(std::move(options)) {
  static int counter = 0;
  if (options_.data_dir.empty()) {
    data_dir_ = std::filesystem::temp_directory_path() /
                ("madoguchi-it-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(data_dir_);
    std::filesystem::create_directories(data_dir_);
  } else {
    data_dir_ = options_.data_dir;
  }
  if (const auto* other = options_.same_installation_as) {
    location_ = other->location_;
    std::filesystem::copy(other->data_dir_ / "keys", data_dir_ / "keys", std::filesystem::copy_options::recursive);
  } else if (auto given = options_.environment.find("MADOGUCHI_DATABASE_URL"); given != options_.environment.end()) {
    location_.url = given->second;
  } else if (testing_postgresql()) {
    scratch_ = std::make_unique<ScratchDatabase>("server");
    location_ = scratch_->location();
  } else {
    location_.sqlite_path = data_dir_ / "madoguchi.db";
  }
  if (options_.migrate) {
    auto [code, output] = run_command({"migrate", "--data", data_dir_.string()}, environment(), options_.faketime);
    if (code != 0) throw std::runtime_error("migrate failed: " + output);
  }
  if (options_.seed_demo) {
    auto [seed_code, seed_output] =
        run_command({"seed", "--demo", "--data", data_dir_.string()}, environment(), options_.faketime);
    if (seed_code != 0) throw std::runtime_error("seed failed: " + seed_output);
  }
  start();
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGTERM);
  std::filesystem::remove_all(data_dir_);
}

void ServerProcess::start() {
  auto log_file = data_dir_ / ("server-" + std::to_string(++generation_) + ".log");
  pid_ = spawn({"serve", "--port", "0", "--data", data_dir_.string()}, environment(), log_file, nullptr,
               options_.faketime, options_.open_files);
  static const std::regex started(R"re("event":"server_started".*"port":(\d+))re");
  for (int i = 0; i < 600; ++i) {
    std::smatch m;
    std::string text = read_file(log_file);
    if (std::regex_search(text, m, started)) {
      port_ = std::stoi(m[1]);
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("server exited during start-up:\n" + text);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("server did not start in 30 s:\n" + read_file(log_file));
}

std::pair<int, std::string> ServerProcess::command(std::vector<std::string> args, const std::string& input) const {
  args.insert(args.end(), {"--data", data_dir_.string()});
  return run_command_with_input(args, input, environment());
}

std::map<std::string, std::string> ServerProcess::environment() const {
  auto environment = options_.environment;
  if (location_.is_postgresql()) environment.emplace("MADOGUCHI_DATABASE_URL", location_.url);
  return environment;
}

std::unique_ptr<platform::db::Connection> ServerProcess::database() const {
  return platform::db::connect(location_, platform::db::Connection::Mode::read_write);
}

std::string ServerProcess::url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

std::string ServerProcess::log() const { return read_file(data_dir_ / ("server-" + std::to_string(generation_) + ".log")); }

int ServerProcess::stop(int signal) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  int code = wait_for(pid_);
  pid_ = -1;
  return code;
}

void ServerProcess::restart() {
  if (pid_ > 0) stop(SIGTERM);
  start();
}

std::pair<int, std::string> ServerProcess::run_command(const std::vector<std::string>& args,
                                                       const std::map<std::string, std::string>& environment,
                                                       const std::string& faketime) {
  static int counter = 0;
  auto output = std::filesystem::temp_directory_path() /
                ("madoguchi-cmd-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".out");
  std::filesystem::remove(output);
  int pid = spawn(args, environment, output, nullptr, faketime);
  int code = wait_for(pid);
  std::string text = read_file(output);
  std::filesystem::remove(output);
  return {code, text};
}

std::pair<int, std::string> ServerProcess::run_command_with_input(const std::vector<std::string>& args,
                                                                  const std::string& input,
                                                                  const std::map<std::string, std::string>& environment) {
  static int counter = 0;
  auto base = std::filesystem::temp_directory_path() /
              ("madoguchi-cmd-in-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  auto input_file = base;
  input_file += ".in";
  auto output = base;
  output += ".out";
  {
    std::ofstream in(input_file, std::ios::binary | std::ios::trunc);
    in << input;
  }
  std::filesystem::remove(output);
  int pid = spawn(args, environment, output, &input_file);
  int code = wait_for(pid);
  std::string text = read_file(output);
  std::filesystem::remove(output);
  std::filesystem::remove(input_file);
  return {code, text};
}

}  // namespace madoguchi::testing
