// The real PC/SC stack for the card tests: tests/support/card_stack.py runs
// Debian's pcscd (its own socket and reader.conf, in a private mount
// namespace) with vpcd and a virtual My Number card; CardBridgeProcess runs
// `madoguchi card-bridge` against it. Both end, with everything they
// started, when they go out of scope.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace madoguchi::testing {

class CardStack {
 public:
  CardStack();
  ~CardStack();
  CardStack(const CardStack&) = delete;
  CardStack& operator=(const CardStack&) = delete;

  // Puts a virtual card with this profile on the reader (taking any other off).
  void insert(const nlohmann::json& profile);
  void remove();
  // The pcscd socket for PCSCLITE_CSOCK_NAME.
  const std::string& socket() const { return socket_; }

 private:
  std::string command(const std::string& line);

  std::string state_dir_;
  int pid_ = -1;
  int to_child_ = -1;
  int from_child_ = -1;
  std::string socket_;
};

class CardBridgeProcess {
 public:
  // `socket`: the pcscd socket the bridge uses (PCSCLITE_CSOCK_NAME).
  CardBridgeProcess(const std::string& socket, const std::string& origin);
  ~CardBridgeProcess();
  CardBridgeProcess(const CardBridgeProcess&) = delete;
  CardBridgeProcess& operator=(const CardBridgeProcess&) = delete;

  std::string url(const std::string& path) const;
  int port() const { return port_; }
  // The latest pairing code the bridge printed.
  std::string pairing_code() const;
  std::string output() const;

 private:
  std::string out_file_;
  int pid_ = -1;
  int port_ = 0;
};

// The profile of the tests' card: 髙橋　𠮷子, with PIN 1234 and three tries.
nlohmann::json test_card(nlohmann::json overrides = nlohmann::json::object());

}  // namespace madoguchi::testing
