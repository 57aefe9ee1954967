// The table of Japanese fixed-line prefixes and their area-code lengths that phone.cpp uses to
// validate numbers and place hyphens; data only.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace madoguchi::jp {

struct AreaPrefix {
  std::string_view prefix;  // leading digits including the 0, e.g. "0223" or "02232"
  std::uint8_t area_length;  // digits of the area code including the 0; 0 when not known
};

// Sorted by prefix; prefixes do not nest.
std::span<const AreaPrefix> fixed_line_area_prefixes();

}  // namespace madoguchi::jp
