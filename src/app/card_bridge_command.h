// `madoguchi card-bridge --origin URL [--port N] [--reader NAME] [--tokens FILE]`:
// runs the card bridge on the counter PC (counter/card_bridge.h) on 127.0.0.1
// until SIGTERM or Ctrl-C. It prints each pairing code on standard output
// ("pairing code: 123456") for the clerk to type into the counter page once.
// It needs no database and no settings file.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

namespace madoguchi::app {

class CardBridgeCommand {
 public:
  explicit CardBridgeCommand(CLI::App& cli);

  bool selected() const;
  int run(std::ostream& out, std::ostream& err) const;

 private:
  CLI::App* command_ = nullptr;
  std::string origin_;
  int port_ = 47100;
  std::string reader_;
  std::string tokens_;
};

}  // namespace madoguchi::app
