// `madoguchi copy-data --to postgresql://…`: the growth path from the
// embedded installation to PostgreSQL. It migrates the target, refuses one
// that already holds data, copies every table of the SQLite database (in an
// order that keeps foreign keys whole) and the uploaded files (into the
// database), sets the identity counters past the copied rows, and checks row
// counts and the audit chain before it commits: all in one transaction, so a
// failure leaves the target as it was.
#pragma once

#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "app/settings.h"

namespace madoguchi::app {

class CopyDataCommand {
 public:
  CopyDataCommand(CLI::App& cli, const std::function<void(CLI::App*)>& add_common_options);

  bool selected() const;
  int run(const Settings& settings, std::ostream& out, std::ostream& err) const;

 private:
  CLI::App* command_ = nullptr;
  std::string target_;
};

}  // namespace madoguchi::app
