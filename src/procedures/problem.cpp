#include "procedures/problem.h"

namespace madoguchi::procedures {

std::string Problem::to_string() const {
  if (line <= 0) return file + ": " + message;
  return file + ":" + std::to_string(line) + ": " + message;
}

}  // namespace madoguchi::procedures
