// Sender: who the city's mail is from, an address (noreply@city.example.jp)
// and a display name (仙台市). validate() refuses one that could not be put
// in a From header safely.
#pragma once

#include <string>

namespace madoguchi::notify {

struct Sender {
  std::string address;
  std::string display_name;  // UTF-8, may be empty
};

// Throws std::invalid_argument naming smtp.from or smtp.from_name.
void validate(const Sender& sender);

}  // namespace madoguchi::notify
