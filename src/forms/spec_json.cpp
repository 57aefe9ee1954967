#include "forms/spec_json.h"

namespace madoguchi::forms {

namespace {

using json = nlohmann::json;

json text_json(const LocalizedText& text) {
  return json{{"ja", text.ja}, {"en", text.en}, {"easy", text.easy}};
}

json limits_json(const Field& field) {
  json limits = json::object();
  switch (field.type) {
    case FieldType::text:
    case FieldType::katakana:
    case FieldType::name:
    case FieldType::address:
    case FieldType::email:
      if (field.min_length) limits["min_length"] = field.min_length;
      limits["max_length"] = field.max_length;
      if (!field.pattern.empty()) {
        limits["pattern"] = field.pattern;
        limits["pattern_hint"] = text_json(field.pattern_hint);
      }
      if (field.multiline) limits["multiline"] = true;
      break;
    case FieldType::number:
      if (field.min) limits["min"] = *field.min;
      if (field.max) limits["max"] = *field.max;
      limits["decimals"] = field.decimals;
      if (!field.unit.empty()) limits["unit"] = text_json(field.unit);
      break;
    case FieldType::date:
      if (field.earliest) limits["min"] = date_bound_text(*field.earliest);
      if (field.latest) limits["max"] = date_bound_text(*field.latest);
      if (field.min_age) limits["min_age"] = *field.min_age;
      if (field.max_age) limits["max_age"] = *field.max_age;
      if (field.min_age || field.max_age) limits["age_on"] = age_basis_name(field.age_on);
      break;
    case FieldType::checkbox:
      if (!field.options.empty()) {
        if (field.min_choices) limits["min_choices"] = field.min_choices;
        limits["max_choices"] = field.max_choices ? field.max_choices : field.options.size();
      }
      break;
    case FieldType::file:
      limits["accept"] = field.accept;
      limits["max_bytes"] = field.max_bytes;
      break;
    case FieldType::group:
      if (field.repeat) {
        limits["min_items"] = field.min_items;
        limits["max_items"] = field.max_items;
      }
      break;
    default:
      break;
  }
  return limits;
}

json field_json(const Field& field, const std::string& path) {
  json out{{"id", field.id},
           {"path", path},
           {"type", field_type_name(field.type)},
           {"label", text_json(field.label)}};
  if (!field.help.empty()) out["help"] = text_json(field.help);
  if (field.type != FieldType::group) out["required"] = field.required;
  if (field.visible_if) out["visible_if"] = condition_to_json(*field.visible_if);
  json limits = limits_json(field);
  if (!limits.empty()) out["limits"] = std::move(limits);
  if (!field.options.empty()) {
    json options = json::array();
    for (const auto& option : field.options) {
      json o{{"value", option.value}, {"label", text_json(option.label)}};
      if (option.available_if) o["available_if"] = condition_to_json(*option.available_if);
      if (option.fee_yen) o["fee_yen"] = *option.fee_yen;
      options.push_back(std::move(o));
    }
    out["options"] = std::move(options);
  }
  if (field.type == FieldType::group) {
    out["repeat"] = field.repeat;
    if (field.repeat) out["item_label"] = text_json(field.item_label);
    json children = json::array();
    const std::string prefix = path + (field.repeat ? "[]." : ".");
    for (const auto& child : field.fields) children.push_back(field_json(child, prefix + child.id));
    out["fields"] = std::move(children);
  }
  if (!field.prefill.empty()) {
    json prefill = json::object();
    if (field.prefill.card) prefill["card"] = card_item_name(*field.prefill.card);
    if (!field.prefill.from.empty()) {
      json from = json::array();
      for (const auto& source : field.prefill.from) from.push_back(source.procedure + "." + source.field);
      prefill["from"] = std::move(from);
    }
    out["prefill"] = std::move(prefill);
  }
  return out;
}

}  // namespace

json condition_to_json(const Condition& condition) {
  using Op = Condition::Op;
  switch (condition.op) {
    case Op::all:
    case Op::any: {
      json operands = json::array();
      for (const auto& operand : condition.operands) operands.push_back(condition_to_json(operand));
      return json{{std::string(condition_op_name(condition.op)), std::move(operands)}};
    }
    case Op::negate:
      return json{{"not", condition.operands.empty() ? json::object()
                                                     : condition_to_json(condition.operands[0])}};
    default:
      break;
  }
  json out{{"field", condition.field.written}, {"path", condition.field.path}};
  const std::string key(condition_op_name(condition.op));
  switch (condition.op) {
    case Op::in:
    case Op::not_in:
      out[key] = condition.values;
      break;
    case Op::answered:
      out[key] = true;
      break;
    case Op::not_answered:
      out[key] = false;
      break;
    case Op::age_at_least:
    case Op::age_below:
      out[key] = condition.age;
      out["age_on"] = age_basis_name(condition.age_on);
      break;
    default:
      out[key] = condition.values.empty() ? json() : condition.values[0];
  }
  return out;
}

json spec_to_json(const FormSpec& spec) {
  json sections = json::array();
  for (const auto& section : spec.sections) {
    json s{{"id", section.id}, {"title", text_json(section.title)}};
    if (!section.help.empty()) s["help"] = text_json(section.help);
    if (section.visible_if) s["visible_if"] = condition_to_json(*section.visible_if);
    json fields = json::array();
    for (const auto& field : section.fields) fields.push_back(field_json(field, field.id));
    s["fields"] = std::move(fields);
    sections.push_back(std::move(s));
  }
  json rules = json::array();
  for (const auto& rule : spec.rules) {
    json fields = json::array();
    for (const auto& path : rule.fields) fields.push_back(path.path);
    json r{{"id", rule.id},
           {"kind", rule_kind_name(rule.kind)},
           {"fields", std::move(fields)}};
    if (rule.kind == CrossFieldRule::Kind::date_order) r["allow_equal"] = rule.allow_equal;
    if (!rule.message.empty()) r["message"] = text_json(rule.message);
    rules.push_back(std::move(r));
  }
  return json{{"format", kSpecJsonFormat}, {"sections", std::move(sections)}, {"rules", std::move(rules)}};
}

}  // namespace madoguchi::forms
