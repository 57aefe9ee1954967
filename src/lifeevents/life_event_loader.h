// Reads the life events of a directory (procedures/life_events/: _offices.yaml and one
// <id>.yaml per life event) and checks each against the procedure catalogue: unknown or
// duplicate keys, missing labels, items naming a procedure that does not exist or a channel it
// does not offer, an office not in _offices.yaml, prefill into a field the procedure lacks or of
// a type the shared answer does not fit, conditions on fields that do not exist, deadlines from
// something that is not a date. Every problem is reported as file:line, Japanese then English.
// An item without a channel is done online when this site can take the procedure online (it needs
// no My Number card there), else at the counter with pre-entry when the procedure offers it.
// The file format is documented in docs/procedures.md ("Life events").
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "lifeevents/life_events.h"
#include "procedures/catalogue.h"
#include "procedures/problem.h"

namespace madoguchi::lifeevents {

inline constexpr const char* kLifeEventsDirectory = "life_events";
inline constexpr const char* kOfficesFile = "_offices.yaml";

struct LifeEventsLoad {
  std::optional<LifeEvents> events;        // set only when problems is empty
  std::vector<procedures::Problem> problems;  // by file, then line
};

// `dir` is the life_events directory; a catalogue directory without one has no life events.
LifeEventsLoad load_life_events(const std::filesystem::path& dir, const procedures::Catalogue& catalogue);

}  // namespace madoguchi::lifeevents
