// The madoguchi command: serve, migrate and the operators' tools.
#include <iostream>

#include <CLI/CLI.hpp>

#include "app/commands.h"

int main(int argc, char** argv) {
  return madoguchi::app::run_command_line(argc, argv, std::cout, std::cerr);
}
