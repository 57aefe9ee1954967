// Running out of file descriptors must not take the server down with it: it
// raises its open-file limit at start and says what it got, holds new
// connections back at a configurable cap, and when accept() still fails
// (EMFILE) it backs off instead of spinning and flooding the log, and answers
// again as soon as connections are released.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "harness.h"

using namespace madoguchi::testing;

namespace {

// A client connection held open by the test (no HTTP library: they would close or reuse it).
class Held {
 public:
  explicit Held(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Held() {
    if (fd_ >= 0) ::close(fd_);
  }
  Held(const Held&) = delete;
  Held& operator=(const Held&) = delete;
  bool connected() const { return connected_; }
  void send_request() {
    static const std::string request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
    EXPECT_EQ(::send(fd_, request.data(), request.size(), MSG_NOSIGNAL), static_cast<ssize_t>(request.size()));
  }
  int fd() const { return fd_; }

 private:
  int fd_;
  bool connected_ = false;
};

// Which of `held` have an answer to read within `seconds`.
std::vector<bool> answered(const std::vector<std::unique_ptr<Held>>& held, int seconds) {
  std::vector<bool> out(held.size(), false);
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (std::chrono::steady_clock::now() < until) {
    std::vector<pollfd> fds;
    std::vector<size_t> index;
    for (size_t i = 0; i < held.size(); ++i) {
      if (held[i] && !out[i]) {
        fds.push_back({held[i]->fd(), POLLIN, 0});
        index.push_back(i);
      }
    }
    if (fds.empty()) break;
    if (::poll(fds.data(), fds.size(), 100) > 0) {
      for (size_t k = 0; k < fds.size(); ++k) {
        if (fds[k].revents & POLLIN) out[index[k]] = true;
      }
    }
  }
  return out;
}

size_t count(const std::vector<bool>& flags) { return static_cast<size_t>(std::count(flags.begin(), flags.end(), true)); }

size_t occurrences(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// CPU seconds (user + system) the process has used so far.
double cpu_seconds(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  long ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14 || i == 15) ticks += std::stol(field);
  }
  return static_cast<double>(ticks) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

size_t open_descriptors(int pid) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/fd")) ++n;
  return n;
}

long healthz_within(const ServerProcess& server, int seconds) {
  for (int i = 0; i < seconds * 5; ++i) {
    try {
      HttpClient http;
      auto result = http.get(server.url("/healthz"));
      if (result.status == 200) return 200;
    } catch (const std::runtime_error&) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return 0;
}

}  // namespace

TEST(ConnectionLimits, TheServerRaisesItsOpenFileLimitAtStartAndSaysWhatItGot) {
  ServerOptions options;
  options.open_files = "512:4096";
  ServerProcess server(options);
  rlimit limit{};
  ASSERT_EQ(::prlimit(server.pid(), RLIMIT_NOFILE, nullptr, &limit), 0);
  EXPECT_EQ(limit.rlim_cur, 4096u);
  std::smatch m;
  std::string log = server.log();
  ASSERT_TRUE(std::regex_search(log, m, std::regex(R"re(\{[^\n]*"event":"open_files_limit"[^\n]*\})re"))) << log;
  auto line = nlohmann::json::parse(m.str());
  EXPECT_EQ(line["was"], 512);
  EXPECT_EQ(line["now"], 4096);
  EXPECT_EQ(line["max_connections"], 4096 - 128);
}

TEST(ConnectionLimits, NewConnectionsWaitAtTheCapAndAreServedWhenOthersClose) {
  ServerOptions options;
  options.environment = {{"MADOGUCHI_SERVER_MAX_CONNECTIONS", "20"}, {"MADOGUCHI_SERVER_IDLE_TIMEOUT_SECONDS", "120"}};
  ServerProcess server(options);
  std::vector<std::unique_ptr<Held>> held;
  for (int i = 0; i < 26; ++i) {
    held.push_back(std::make_unique<Held>(server.port()));
    ASSERT_TRUE(held.back()->connected());
    held.back()->send_request();
  }
  auto first = answered(held, 4);
  EXPECT_EQ(count(first), 20u);
  int closed = 0;
  for (size_t i = 0; i < held.size() && closed < 6; ++i) {
    if (first[i]) {
      held[i].reset();
      ++closed;
    }
  }
  std::vector<std::unique_ptr<Held>> waiting;
  for (size_t i = 0; i < held.size(); ++i) {
    if (held[i] && !first[i]) waiting.push_back(std::move(held[i]));
  }
  ASSERT_EQ(waiting.size(), 6u);
  EXPECT_EQ(count(answered(waiting, 15)), 6u);
  EXPECT_EQ(occurrences(server.log(), "\"event\":\"connection_limit_reached\""), 1u) << server.log();
}

TEST(ConnectionLimits, OutOfFileDescriptorsTheServerBacksOffQuietlyAndRecovers) {
  ServerOptions options;
  options.environment = {{"MADOGUCHI_SERVER_IDLE_TIMEOUT_SECONDS", "120"}};
  ServerProcess server(options);
  ASSERT_EQ(healthz_within(server, 5), 200);
  rlimit tight{open_descriptors(server.pid()) + 24, open_descriptors(server.pid()) + 24};
  ASSERT_EQ(::prlimit(server.pid(), RLIMIT_NOFILE, &tight, nullptr), 0);

  std::vector<std::unique_ptr<Held>> held;
  for (int i = 0; i < 120; ++i) held.push_back(std::make_unique<Held>(server.port()));
  std::this_thread::sleep_for(std::chrono::seconds(1));
  double before = cpu_seconds(server.pid());
  std::this_thread::sleep_for(std::chrono::seconds(3));
  double spent = cpu_seconds(server.pid()) - before;
  EXPECT_LT(spent, 0.5) << "CPU seconds spent in 3 s while out of descriptors";
  std::string log = server.log();
  EXPECT_GE(occurrences(log, "\"event\":\"accept_paused\""), 1u) << log.substr(0, 4000);
  EXPECT_LE(occurrences(log, "\"event\":\"accept_"), 10u) << log.substr(0, 4000);

  held.clear();
  EXPECT_EQ(healthz_within(server, 15), 200);
  EXPECT_GE(occurrences(server.log(), "\"event\":\"accept_resumed\""), 1u);
}
