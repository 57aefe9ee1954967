// Predicate: a condition on a life event's answers, as its items (`when`) and contradiction
// checks use them: a form condition on the top-level answers (written as in `visible_if`), "some
// item of a repeating group meets a condition on the item's own fields" (`some`), and all, any
// and not of these. It reads the effective answers (validated, shown ones only).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/condition.h"

namespace madoguchi::lifeevents {

struct Predicate {
  enum class Kind { condition, some, all, any, negate };
  Kind kind = Kind::condition;
  forms::Condition condition;       // condition; for some, resolved in the group's item scope
  std::string group;                // some: the repeating group's top-level id
  std::vector<Predicate> operands;  // all, any, negate
  int line = 0;
};

bool holds(const Predicate& predicate, const nlohmann::json& effective, std::chrono::year_month_day today);

// For a predicate that holds: the first item of a repeating group that made a `some` hold, so a
// question can name it; nothing when no `some` was needed.
std::optional<nlohmann::json> witness_item(const Predicate& predicate, const nlohmann::json& effective,
                                           std::chrono::year_month_day today);

}  // namespace madoguchi::lifeevents
