#include "lifeevents/life_event.h"

#include <algorithm>

namespace madoguchi::lifeevents {

bool LifeEvent::in_questionnaire(std::string_view section_id) const {
  return std::find(questionnaire.begin(), questionnaire.end(), section_id) != questionnaire.end();
}

}  // namespace madoguchi::lifeevents
