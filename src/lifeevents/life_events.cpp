#include "lifeevents/life_events.h"

namespace madoguchi::lifeevents {

LifeEvents::LifeEvents(std::vector<Office> offices, std::vector<LifeEvent> events)
    : offices_(std::move(offices)), events_(std::move(events)) {}

const LifeEvent* LifeEvents::find(std::string_view id) const {
  for (const auto& event : events_) {
    if (event.id == id) return &event;
  }
  return nullptr;
}

const Office* LifeEvents::find_office(std::string_view code) const {
  for (const auto& office : offices_) {
    if (office.code == code) return &office;
  }
  return nullptr;
}

}  // namespace madoguchi::lifeevents
