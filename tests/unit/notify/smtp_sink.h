// SmtpSink: runs tests/fixtures/notify/smtp_sink.py (Debian's python3 with
// python3-aiosmtpd) as a child process on 127.0.0.1 and reads back what it
// received. The constructor throws if the server does not come up, so a test
// that needs it fails rather than skips.
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace notify_test {

// A port nothing listens on right now (the kernel's pick for an ephemeral bind).
inline int unused_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind an ephemeral port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

class SmtpSink {
 public:
  // Starts the server writing into `out`; port 0 lets it pick a free one.
  explicit SmtpSink(std::filesystem::path out, int port = 0, std::string reject_domain = "") : out_(std::move(out)) {
    std::filesystem::create_directories(out_);
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    std::string script = std::string(MADOGUCHI_SOURCE_DIR) + "/tests/fixtures/notify/smtp_sink.py";
    std::string port_text = std::to_string(port);
    std::vector<std::string> args = {"/usr/bin/python3", script, "--port", port_text, "--out", out_.string()};
    if (!reject_domain.empty()) {
      args.push_back("--reject-domain");
      args.push_back(reject_domain);
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      ::dup2(pipe_fds[1], STDOUT_FILENO);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(pipe_fds[1]);
    std::string line = read_line(pipe_fds[0], std::chrono::seconds(30));
    ::close(pipe_fds[0]);
    if (line.rfind("READY ", 0) != 0) {
      stop();
      throw std::runtime_error("the SMTP test server (/usr/bin/python3 " + script +
                               ", needs python3-aiosmtpd) did not start; it said: " + line);
    }
    port_ = std::stoi(line.substr(6));
  }
  ~SmtpSink() { stop(); }
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // Every message received so far, in arrival order.
  std::vector<nlohmann::json> messages() const {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(out_)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<nlohmann::json> result;
    for (const auto& file : files) result.push_back(nlohmann::json::parse(std::ifstream(file)));
    return result;
  }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

 private:
  static std::string read_line(int fd, std::chrono::seconds timeout) {
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return line + " (timed out)";
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char c;
      ssize_t n = ::read(fd, &c, 1);
      if (n <= 0) return line + " (exited)";
      if (c == '\n') return line;
      line += c;
    }
  }

  std::filesystem::path out_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace notify_test
