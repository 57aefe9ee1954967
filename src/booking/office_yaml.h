// Reads the office directory from a YAML file (offices/sendai.yaml): services,
// line sets shared by offices of a kind, defaults for booking and queue rules,
// and the offices with their hours and closures. Anything malformed or
// unknown is refused with std::runtime_error naming file:line and the fix.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/office_directory.h"

namespace madoguchi::booking {

OfficeDirectory load_office_directory(const std::filesystem::path& file);
OfficeDirectory parse_office_directory(const std::string& yaml_text, const std::string& file_name);

// "08:30-17:00" → {510, 1020}; nothing if malformed or not open < close.
std::optional<OpeningSpan> parse_span(std::string_view text);
// "mon-fri", "sat", "mon-sat" → ISO weekdays; empty if malformed.
std::vector<unsigned> parse_weekdays(std::string_view text);

}  // namespace madoguchi::booking

namespace madoguchi::booking {

// Weekly hours as staff type them: "mon-fri 08:30-17:00, sat 09:00-12:00".
// Nothing if any part is malformed or no day is given.
std::optional<std::map<unsigned, OpeningSpan>> parse_hours(std::string_view text);
// The same form, written back (consecutive days with equal hours as ranges).
std::string hours_text(const std::map<unsigned, OpeningSpan>& hours);

}  // namespace madoguchi::booking
