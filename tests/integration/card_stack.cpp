#include "card_stack.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace madoguchi::testing {

namespace {

std::string read_line(int fd) {
  std::string line;
  char c = 0;
  while (::read(fd, &c, 1) == 1) {
    if (c == '\n') return line;
    line.push_back(c);
  }
  throw std::runtime_error("card_stack.py ended unexpectedly; last output: " + line);
}

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(fd);
  return ntohs(address.sin_port);
}

void end_process(int& pid, int signal) {
  if (pid <= 0) return;
  ::kill(pid, signal);
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      pid = -1;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  pid = -1;
}

}  // namespace

CardStack::CardStack() {
  state_dir_ = (std::filesystem::temp_directory_path() /
                ("madoguchi-card-" + std::to_string(::getpid()) + "-" + std::to_string(free_port())))
                   .string();
  std::filesystem::create_directories(state_dir_);
  int in[2], out[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::close(in[1]);
    ::close(out[0]);
    std::string script = std::string(MADOGUCHI_SOURCE_DIR) + "/tests/support/card_stack.py";
    ::execlp("python3", "python3", script.c_str(), state_dir_.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  to_child_ = in[1];
  from_child_ = out[0];
  std::string ready = read_line(from_child_);
  if (ready.rfind("ready ", 0) != 0) throw std::runtime_error("card stack: " + ready);
  socket_ = ready.substr(6);
}

CardStack::~CardStack() {
  if (to_child_ >= 0) {
    std::string quit = "quit\n";
    (void)!::write(to_child_, quit.data(), quit.size());
    ::close(to_child_);
  }
  end_process(pid_, SIGTERM);
  if (from_child_ >= 0) ::close(from_child_);
  std::error_code ignored;
  std::filesystem::remove_all(state_dir_, ignored);
}

std::string CardStack::command(const std::string& line) {
  std::string text = line + "\n";
  if (::write(to_child_, text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
    throw std::runtime_error("card stack: write failed");
  }
  return read_line(from_child_);
}

void CardStack::insert(const nlohmann::json& profile) {
  if (command("insert " + profile.dump()) != "inserted") throw std::runtime_error("card stack: insert failed");
  // pcscd polls vpcd for the card: give it a moment to see it.
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
}

void CardStack::remove() {
  command("remove");
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
}

CardBridgeProcess::CardBridgeProcess(const std::string& socket, const std::string& origin) {
  port_ = free_port();
  out_file_ = (std::filesystem::temp_directory_path() /
               ("madoguchi-bridge-" + std::to_string(::getpid()) + "-" + std::to_string(port_) + ".out"))
                  .string();
  pid_ = ::fork();
  if (pid_ == 0) {
    int fd = ::open(out_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::setenv("PCSCLITE_CSOCK_NAME", socket.c_str(), 1);
    std::string port = std::to_string(port_);
    ::execl(MADOGUCHI_BINARY, MADOGUCHI_BINARY, "card-bridge", "--origin", origin.c_str(), "--port", port.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  for (int i = 0; i < 200; ++i) {
    if (output().find("listening on") != std::string::npos) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("the card bridge did not start: " + output());
}

CardBridgeProcess::~CardBridgeProcess() {
  end_process(pid_, SIGTERM);
  std::error_code ignored;
  std::filesystem::remove(out_file_, ignored);
}

std::string CardBridgeProcess::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::string CardBridgeProcess::output() const {
  std::ifstream in(out_file_);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string CardBridgeProcess::pairing_code() const {
  std::string text = output();
  auto at = text.rfind("pairing code: ");
  if (at == std::string::npos) return "";
  return text.substr(at + 14, 6);
}

nlohmann::json test_card(nlohmann::json overrides) {
  nlohmann::json card = {{"name", "髙橋\u3000𠮷子"},
                         {"address", "宮城県仙台市青葉区国分町三丁目7番1号"},
                         {"birth", "19850401"},
                         {"sex", "2"},
                         {"number", "123456789018"},
                         {"pin", "1234"},
                         {"tries", 3}};
  for (auto& [key, value] : overrides.items()) card[key] = value;
  return card;
}

}  // namespace madoguchi::testing
