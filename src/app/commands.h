// The madoguchi command line: parses argv into one subcommand and runs it.
// Returns the process exit code; errors go to err as one clear line each.
#pragma once

#include <ostream>

namespace madoguchi::app {

int run_command_line(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace madoguchi::app
