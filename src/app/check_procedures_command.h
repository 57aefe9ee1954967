// `madoguchi check-procedures DIR`: loads the procedure catalogue in DIR, and the life events in
// DIR/life_events checked against it, as the server would at
// start-up and prints every problem as "file:line: message" on `err` (exit code 1), or a
// one-line summary on `out` (exit code 0).
#pragma once

#include <ostream>
#include <string>

namespace madoguchi::app {

int run_check_procedures(const std::string& dir, std::ostream& out, std::ostream& err);

}  // namespace madoguchi::app
