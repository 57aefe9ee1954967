#include "procedures/prefill.h"

namespace madoguchi::procedures {

namespace {

using forms::Field;
using forms::FieldType;
using json = nlohmann::json;

const json* find_path(const json& answers, const std::string& path) {
  const json* current = &answers;
  std::string_view rest = path;
  while (true) {
    const auto dot = rest.find('.');
    const std::string name(rest.substr(0, dot));
    if (!current->is_object()) return nullptr;
    const auto it = current->find(name);
    if (it == current->end()) return nullptr;
    current = &*it;
    if (dot == std::string_view::npos) return current;
    rest.remove_prefix(dot + 1);
  }
}

// Keeps only what `field` can hold: for groups, the child fields it has.
json shape_for(const Field& field, const json& value) {
  if (field.type != FieldType::group) return value;
  const auto shape_object = [&](const json& object) {
    json out = json::object();
    if (!object.is_object()) return out;
    for (const auto& child : field.fields) {
      const auto it = object.find(child.id);
      if (it != object.end()) out[child.id] = shape_for(child, *it);
    }
    return out;
  };
  if (!field.repeat) return shape_object(value);
  json list = json::array();
  if (!value.is_array()) return list;
  for (const auto& item : value) {
    if (list.size() >= field.max_items) break;
    list.push_back(shape_object(item));
  }
  return list;
}

std::optional<json> card_value(const Field& field, const CardFourItems& card) {
  switch (*field.prefill.card) {
    case forms::CardItem::name:
      if (!card.name.empty()) return json(card.name);
      break;
    case forms::CardItem::address:
      if (!card.address.empty()) return json(card.address);
      break;
    case forms::CardItem::birth_date:
      if (!card.birth_date.empty()) return json(card.birth_date);
      break;
    case forms::CardItem::sex: {
      const char* value = card.sex_code == 1   ? "male"
                          : card.sex_code == 2 ? "female"
                          : card.sex_code == 9 ? "not_applicable"
                                               : nullptr;
      if (value && field.find_option(value)) return json(value);
      break;
    }
  }
  return std::nullopt;
}

void fill(const std::vector<Field>& fields, json& out, const CardFourItems* card,
          const std::vector<EarlierAnswers>& earlier) {
  for (const auto& field : fields) {
    if (field.type == FieldType::group && !field.repeat) {
      json object = out.contains(field.id) ? out[field.id] : json::object();
      fill(field.fields, object, card, earlier);
      if (!object.empty()) out[field.id] = std::move(object);
      continue;
    }
    if (card && field.prefill.card) {
      if (auto value = card_value(field, *card)) {
        out[field.id] = std::move(*value);
        continue;
      }
    }
    for (const auto& source : field.prefill.from) {
      bool found = false;
      for (const auto& answers : earlier) {
        if (answers.procedure_id != source.procedure) continue;
        if (const json* value = find_path(answers.answers, source.field)) {
          out[field.id] = shape_for(field, *value);
          found = true;
          break;
        }
      }
      if (found) break;
    }
  }
}

}  // namespace

json prefill_answers(const Procedure& target, const CardFourItems* card,
                     const std::vector<EarlierAnswers>& earlier) {
  json out = json::object();
  for (const auto& section : target.form.sections) fill(section.fields, out, card, earlier);
  return out;
}

}  // namespace madoguchi::procedures
