#include "lifeevents/plan.h"

#include "forms/date_rules.h"

namespace madoguchi::lifeevents {

namespace {

std::optional<std::chrono::year_month_day> date_answer(const nlohmann::json& effective, const std::string& field) {
  const auto it = effective.find(field);
  if (it == effective.end() || !it->is_string()) return std::nullopt;
  return forms::parse_iso_date(it->get<std::string>());
}

std::string replace_item(std::string text, const std::string& name) {
  static const std::string kMarker = "{item}";
  for (auto at = text.find(kMarker); at != std::string::npos; at = text.find(kMarker, at + name.size())) {
    text.replace(at, kMarker.size(), name);
  }
  return text;
}

}  // namespace

std::vector<const PlannedItem*> Plan::applicable() const {
  std::vector<const PlannedItem*> out;
  for (const auto& item : items) {
    if (item.applies) out.push_back(&item);
  }
  return out;
}

Plan make_plan(const LifeEvent& event, const LifeEvents& events, const procedures::Catalogue& catalogue,
               const nlohmann::json& effective, std::chrono::year_month_day today) {
  Plan plan;
  plan.event_date = date_answer(effective, event.event_field);
  for (const auto& check : event.checks) {
    if (!holds(check.when, effective, today)) continue;
    Contradiction c{&check, {}};
    if (auto item = witness_item(check.when, effective, today); item && item->is_object()) {
      if (auto name = item->find("name"); name != item->end() && name->is_string()) c.item_name = *name;
    }
    plan.contradictions.push_back(std::move(c));
  }
  for (const auto& item : event.items) {
    PlannedItem planned;
    planned.item = &item;
    if (item.outside()) {
      planned.office = events.find_office(item.office);
    } else {
      planned.procedure = catalogue.find(item.procedure);
    }
    planned.applies = !item.when || holds(*item.when, effective, today);
    if (item.deadline) {
      planned.from = item.deadline->from.empty() ? plan.event_date : date_answer(effective, item.deadline->from);
      if (planned.from) planned.due = due_date(*item.deadline, *planned.from);
      planned.overdue = planned.due && *planned.due < today;
    }
    plan.items.push_back(planned);
  }
  return plan;
}

forms::LocalizedText question_text(const Contradiction& contradiction) {
  const auto& q = contradiction.check->question;
  return {replace_item(q.ja, contradiction.item_name), replace_item(q.en, contradiction.item_name),
          replace_item(q.easy, contradiction.item_name)};
}

}  // namespace madoguchi::lifeevents
