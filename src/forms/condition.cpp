#include "forms/condition.h"

#include <algorithm>

namespace madoguchi::forms {

namespace {

bool equal_answers(const nlohmann::json& answer, const nlohmann::json& value) {
  if (answer.is_number() && value.is_number()) {
    return answer.get<double>() == value.get<double>();
  }
  return answer == value;
}

bool is_one_of(const nlohmann::json& answer, const std::vector<nlohmann::json>& values) {
  return std::any_of(values.begin(), values.end(),
                     [&](const nlohmann::json& v) { return equal_answers(answer, v); });
}

}  // namespace

std::string_view condition_op_name(Condition::Op op) {
  switch (op) {
    case Condition::Op::all: return "all";
    case Condition::Op::any: return "any";
    case Condition::Op::negate: return "not";
    case Condition::Op::equals: return "equals";
    case Condition::Op::not_equals: return "not_equals";
    case Condition::Op::in: return "in";
    case Condition::Op::not_in: return "not_in";
    case Condition::Op::answered: return "answered";
    case Condition::Op::not_answered: return "answered";
    case Condition::Op::contains: return "contains";
    case Condition::Op::age_at_least: return "age_at_least";
    case Condition::Op::age_below: return "age_below";
  }
  return "answered";
}

bool evaluate(const Condition& condition, const AnswerLookup& lookup,
              std::optional<std::chrono::year_month_day> today) {
  using Op = Condition::Op;
  switch (condition.op) {
    case Op::all:
      return std::all_of(condition.operands.begin(), condition.operands.end(),
                         [&](const Condition& c) { return evaluate(c, lookup, today); });
    case Op::any:
      return std::any_of(condition.operands.begin(), condition.operands.end(),
                         [&](const Condition& c) { return evaluate(c, lookup, today); });
    case Op::negate:
      return condition.operands.empty() || !evaluate(condition.operands.front(), lookup, today);
    default:
      break;
  }
  const nlohmann::json* answer = lookup(condition.field);
  switch (condition.op) {
    case Op::equals:
      return answer && !condition.values.empty() && equal_answers(*answer, condition.values[0]);
    case Op::not_equals:
      return !answer || condition.values.empty() || !equal_answers(*answer, condition.values[0]);
    case Op::in:
      return answer && is_one_of(*answer, condition.values);
    case Op::not_in:
      return !answer || !is_one_of(*answer, condition.values);
    case Op::answered:
      return answer != nullptr;
    case Op::not_answered:
      return answer == nullptr;
    case Op::contains:
      return answer && answer->is_array() && !condition.values.empty() &&
             std::any_of(answer->begin(), answer->end(), [&](const nlohmann::json& item) {
               return equal_answers(item, condition.values[0]);
             });
    case Op::age_at_least:
    case Op::age_below: {
      if (!answer || !answer->is_string()) return false;
      if (!today) return true;
      const auto age =
          age_from_iso(answer->get_ref<const std::string&>(), age_reference_day(condition.age_on, *today));
      if (!age) return false;
      return condition.op == Op::age_at_least ? *age >= condition.age : *age < condition.age;
    }
    default:
      return false;
  }
}

void for_each_reference(const Condition& condition,
                        const std::function<void(const FieldRef&)>& visit) {
  switch (condition.op) {
    case Condition::Op::all:
    case Condition::Op::any:
    case Condition::Op::negate:
      for (const auto& operand : condition.operands) for_each_reference(operand, visit);
      return;
    default:
      visit(condition.field);
  }
}

}  // namespace madoguchi::forms
