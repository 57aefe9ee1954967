#include "lifeevents/life_event.h"

#include <algorithm>

namespace madoguchi::lifeevents {

bool LifeEvent::in_questionnaire(std::string_view section_id) const {
  return std::find(questionnaire.begin(), questionnaire.end(), section_id) != questionnaire.end();
}

const Item* LifeEvent::find_item(std::string_view item_id) const {
  for (const auto& item : items) {
    if (item.id == item_id) return &item;
  }
  return nullptr;
}

}  // namespace madoguchi::lifeevents
