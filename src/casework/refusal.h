// Refusal: why case work refused an action, as a stable code (for the audit
// log and tests) and a message for the person, Japanese first and English.
// The pure rules return one; the web layer turns it into a 403 or 409 page.
#pragma once

#include <string>

namespace madoguchi::casework {

struct Refusal {
  std::string code;  // snake_case, e.g. "segregation_of_duties"
  std::string message_ja;
  std::string message_en;
};

}  // namespace madoguchi::casework
