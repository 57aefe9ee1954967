#include "lifeevents/predicate.h"

#include "applications/form_state.h"

namespace madoguchi::lifeevents {

namespace {

bool evaluate_at(const forms::Condition& condition, const nlohmann::json& effective, std::vector<size_t> indices,
                 std::chrono::year_month_day today) {
  return forms::evaluate(
      condition,
      [&](const forms::FieldRef& ref) { return applications::answer_at(effective, ref.path, indices); }, today);
}

// The first item of the predicate's group for which its condition holds.
std::optional<size_t> first_item(const Predicate& predicate, const nlohmann::json& effective,
                                 std::chrono::year_month_day today) {
  const auto it = effective.find(predicate.group);
  if (it == effective.end() || !it->is_array()) return std::nullopt;
  for (size_t i = 0; i < it->size(); ++i) {
    if (evaluate_at(predicate.condition, effective, {i}, today)) return i;
  }
  return std::nullopt;
}

}  // namespace

bool holds(const Predicate& predicate, const nlohmann::json& effective, std::chrono::year_month_day today) {
  switch (predicate.kind) {
    case Predicate::Kind::condition:
      return evaluate_at(predicate.condition, effective, {}, today);
    case Predicate::Kind::some:
      return first_item(predicate, effective, today).has_value();
    case Predicate::Kind::all:
      for (const auto& operand : predicate.operands) {
        if (!holds(operand, effective, today)) return false;
      }
      return true;
    case Predicate::Kind::any:
      for (const auto& operand : predicate.operands) {
        if (holds(operand, effective, today)) return true;
      }
      return false;
    case Predicate::Kind::negate:
      return !predicate.operands.empty() && !holds(predicate.operands.front(), effective, today);
  }
  return false;
}

std::optional<nlohmann::json> witness_item(const Predicate& predicate, const nlohmann::json& effective,
                                           std::chrono::year_month_day today) {
  switch (predicate.kind) {
    case Predicate::Kind::some:
      if (auto i = first_item(predicate, effective, today)) return effective.at(predicate.group).at(*i);
      return std::nullopt;
    case Predicate::Kind::all:
    case Predicate::Kind::any:
      for (const auto& operand : predicate.operands) {
        if (!holds(operand, effective, today)) continue;
        if (auto item = witness_item(operand, effective, today)) return item;
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

}  // namespace madoguchi::lifeevents
