#include "lifeevents/prepared_answers.h"

#include <algorithm>

#include "applications/form_state.h"
#include "procedures/prefill.h"

namespace madoguchi::lifeevents {

namespace {

// The answer at a dotted path outside repeating groups ("spouse.name"), or null.
const nlohmann::json* at_path(const nlohmann::json& answers, const std::string& path) {
  const nlohmann::json* current = &answers;
  std::string_view rest = path;
  while (true) {
    const auto dot = rest.find('.');
    if (!current->is_object()) return nullptr;
    const auto it = current->find(std::string(rest.substr(0, dot)));
    if (it == current->end()) return nullptr;
    current = &*it;
    if (dot == std::string_view::npos) return current;
    rest.remove_prefix(dot + 1);
  }
}

// Keeps only what `field` holds: for groups, the child fields it has.
nlohmann::json shaped(const forms::Field& field, const nlohmann::json& value) {
  if (field.type != forms::FieldType::group) return value;
  const auto object = [&](const nlohmann::json& item) {
    nlohmann::json out = nlohmann::json::object();
    if (!item.is_object()) return out;
    for (const auto& child : field.fields) {
      if (auto it = item.find(child.id); it != item.end()) out[child.id] = shaped(child, *it);
    }
    return out;
  };
  if (!field.repeat) return object(value);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& item : value.is_array() ? value : nlohmann::json::array()) {
    if (list.size() >= field.max_items) break;
    list.push_back(object(item));
  }
  return list;
}

void add_given(std::vector<std::string>& given, const std::string& path) {
  std::string top = applications::top_level_id(path);
  if (std::find(given.begin(), given.end(), top) == given.end()) given.push_back(top);
}

}  // namespace

std::map<std::string, PreparedAnswers> prepare_answers(const Plan& plan, const nlohmann::json& shared,
                                                       std::chrono::year_month_day today) {
  std::map<std::string, PreparedAnswers> out;
  for (const auto* planned : plan.applicable()) {
    if (!planned->procedure) continue;
    PreparedAnswers prepared;
    for (const auto& link : planned->item->prefill) {
      const forms::Field* target = planned->procedure->form.find_field(link.target);
      if (!target) continue;
      if (!link.item.empty()) {
        nlohmann::json built = nlohmann::json::object();
        for (const auto& [child, source] : link.item) {
          if (const auto* value = at_path(shared, source)) built[child] = *value;
        }
        if (built.empty()) continue;
        applications::set_answer(prepared.answers, link.target, nlohmann::json::array({built}));
        add_given(prepared.given, link.target);
        continue;
      }
      const nlohmann::json* value = link.value ? &*link.value : at_path(shared, link.source);
      if (!value) continue;
      nlohmann::json copied = *value;
      if (link.where && value->is_array()) {
        copied = nlohmann::json::array();
        for (size_t i = 0; i < value->size(); ++i) {
          bool wanted = forms::evaluate(
              *link.where,
              [&](const forms::FieldRef& ref) { return applications::answer_at(shared, ref.path, {i}); }, today);
          if (wanted) copied.push_back((*value)[i]);
        }
        if (copied.empty()) continue;
      }
      applications::set_answer(prepared.answers, link.target, shaped(*target, copied));
      add_given(prepared.given, link.target);
    }
    out.emplace(planned->procedure->id, std::move(prepared));
  }
  std::vector<procedures::EarlierAnswers> earlier;
  for (const auto& [id, prepared] : out) earlier.push_back({id, prepared.answers});
  for (auto& [id, prepared] : out) {
    auto planned = std::find_if(plan.items.begin(), plan.items.end(), [&](const PlannedItem& p) {
      return p.procedure && p.procedure->id == id;
    });
    auto linked = procedures::prefill_answers(*planned->procedure, nullptr, earlier);
    for (auto& [key, value] : linked.items()) {
      if (prepared.answers.contains(key)) continue;
      prepared.answers[key] = value;
      add_given(prepared.given, key);
    }
  }
  return out;
}

}  // namespace madoguchi::lifeevents
