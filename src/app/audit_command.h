// `madoguchi audit verify`: walks the audit log's hash chain and its keyed
// head and prints "OK" with the number of entries (exit 0), or the first
// entry that was altered, deleted, inserted or cut off and why (exit 1).
// It reads the database only; it never creates the audit key.
#pragma once

#include <functional>
#include <ostream>

#include <CLI/CLI.hpp>

#include "app/settings.h"

namespace madoguchi::app {

class AuditCommand {
 public:
  AuditCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_common_options);

  bool selected() const;
  int run(const Settings& settings, std::ostream& out, std::ostream& err) const;

 private:
  CLI::App* audit_ = nullptr;
  CLI::App* verify_ = nullptr;
};

}  // namespace madoguchi::app
