// A raw TCP connection for tests that must send malformed or half-finished
// HTTP that no client library would send.
#pragma once

#include <string>

namespace madoguchi::testing {

class RawSocket {
 public:
  explicit RawSocket(int port);
  ~RawSocket();
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  void send(const std::string& bytes);
  // Reads until the peer closes or `seconds` pass without data.
  std::string read_all(int seconds = 10);
  // The status code of the first response in `text`, or 0.
  static int status_of(const std::string& text);

 private:
  int fd_ = -1;
};

}  // namespace madoguchi::testing
