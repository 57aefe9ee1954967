// Problem is one thing wrong in the procedure catalogue, located by file and line so that
// `madoguchi check-procedures` can print it as "file:line: message" (the form editors and CI
// understand that shape). Messages carry Japanese first, then English.
#pragma once

#include <string>

namespace madoguchi::procedures {

struct Problem {
  std::string file;   // as found under the catalogue directory, e.g. "procedures/dog_registration.yaml"
  int line = 0;       // 1-based; 0 for the whole file
  int column = 0;     // 1-based; 0 when unknown
  std::string message;  // "日本語 / English"

  // "file:line: message" ("file: message" when line is 0).
  std::string to_string() const;
};

}  // namespace madoguchi::procedures
