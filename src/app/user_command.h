// `madoguchi user add|list|disable|password`: staff accounts from the command
// line, for the first system administrator and for operators. A password is
// read from standard input (--password-stdin) or generated and printed once;
// there is never a default password. Every change is written to the audit
// log with the operating-system user as actor. Exit code 0, or 1 with the
// reason (Japanese, then English) on `err`.
#pragma once

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/settings.h"

namespace madoguchi::app {

class UserCommand {
 public:
  // Registers the subcommands on `cli`; add_common_options adds --config and --data to each.
  UserCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_common_options);

  bool selected() const;
  int run(const Settings& settings, std::istream& in, std::ostream& out, std::ostream& err) const;

 private:
  CLI::App* user_ = nullptr;
  CLI::App* add_ = nullptr;
  CLI::App* list_ = nullptr;
  CLI::App* disable_ = nullptr;
  CLI::App* password_ = nullptr;
  std::string login_;
  std::string name_;
  std::vector<std::string> roles_;
  std::vector<std::string> departments_;
  std::vector<std::string> wards_;
  bool password_stdin_ = false;
};

}  // namespace madoguchi::app
