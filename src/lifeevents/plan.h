// The citizen's list for a life event, worked out from the effective answers (validated, shown
// ones only): which items apply and which do not, each deadline counted from its date, whether
// it has passed, and the contradictions that stop the list being made (a list from answers that
// contradict each other would be wrong, so the questions go back instead). Pure.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lifeevents/life_events.h"
#include "procedures/catalogue.h"

namespace madoguchi::lifeevents {

struct PlannedItem {
  const Item* item = nullptr;
  const procedures::Procedure* procedure = nullptr;  // null for items outside the city
  const Office* office = nullptr;                     // set for items outside the city
  bool applies = false;
  std::optional<std::chrono::year_month_day> from;    // the day the deadline counts from
  std::optional<std::chrono::year_month_day> due;
  bool overdue = false;  // the deadline is before today
};

struct Contradiction {
  const Check* check = nullptr;
  std::string item_name;  // the item of a group that made it hold, for "{item}"
};

struct Plan {
  std::optional<std::chrono::year_month_day> event_date;
  std::vector<PlannedItem> items;  // in the order of the definition, applicable or not
  std::vector<Contradiction> contradictions;

  std::vector<const PlannedItem*> applicable() const;
};

Plan make_plan(const LifeEvent& event, const LifeEvents& events, const procedures::Catalogue& catalogue,
               const nlohmann::json& effective, std::chrono::year_month_day today);

// A check's question with "{item}" replaced, in each language.
forms::LocalizedText question_text(const Contradiction& contradiction);

}  // namespace madoguchi::lifeevents
