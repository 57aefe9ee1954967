// The life events of a catalogue directory (procedures/life_events/), loaded at start-up after
// the procedure catalogue and checked against it, with the offices outside the city they name.
// Immutable once loaded, so it may be shared between threads.
#pragma once

#include <string_view>
#include <vector>

#include "lifeevents/life_event.h"

namespace madoguchi::lifeevents {

class LifeEvents {
 public:
  LifeEvents(std::vector<Office> offices, std::vector<LifeEvent> events);

  // Every life event, in the order of the city's list (`order`).
  const std::vector<LifeEvent>& all() const { return events_; }
  const LifeEvent* find(std::string_view id) const;
  const Office* find_office(std::string_view code) const;

 private:
  std::vector<Office> offices_;
  std::vector<LifeEvent> events_;
};

}  // namespace madoguchi::lifeevents
