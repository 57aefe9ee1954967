#include "applications/condition_text.h"

#include "applications/form_state.h"

namespace madoguchi::applications {

namespace {

using Op = forms::Condition::Op;

std::string quote(const std::string& text, Language language) {
  return language == Language::en ? "\u201c" + text + "\u201d" : "「" + text + "」";
}

std::string value_text(const forms::Field* field, const nlohmann::json& value, Language language) {
  if (value.is_string()) {
    if (field) {
      if (const auto* option = field->find_option(value.get<std::string>())) return pick(option->label, language);
    }
    return value.get<std::string>();
  }
  if (value.is_boolean()) {
    bool yes = value.get<bool>();
    if (language == Language::en) return yes ? "ticked" : "not ticked";
    return yes ? "チェックあり" : "チェックなし";
  }
  return value.dump();
}

std::string values_text(const forms::Field* field, const std::vector<nlohmann::json>& values, Language language) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += language == Language::en ? " or " : (language == Language::easy ? " か " : "または");
    out += quote(value_text(field, values[i], language), language);
  }
  return out;
}

// "if you chose “A” for “Label”" / "「ラベル」で「A」を選んだ場合".
std::string clause(const forms::Condition& c, const forms::FormSpec& spec, Language language) {
  if (c.op == Op::all || c.op == Op::any) {
    std::string out;
    for (size_t i = 0; i < c.operands.size(); ++i) {
      if (i > 0) {
        bool all = c.op == Op::all;
        out += language == Language::en ? (all ? " and " : " or ") : (all ? "、かつ、" : "、または、");
      }
      out += clause(c.operands[i], spec, language);
    }
    return out;
  }
  const bool en = language == Language::en;
  const bool easy = language == Language::easy;
  if (c.op == Op::negate || c.op == Op::age_at_least || c.op == Op::age_below) {
    return en ? "if it applies to you" : (easy ? "あてはまる とき" : "該当する場合");
  }
  const forms::Field* field = spec.find_field(c.field.path);
  std::string label = quote(field ? pick(field->label, language) : c.field.written, language);
  std::string chosen = values_text(field, c.values, language);
  switch (c.op) {
    case Op::equals:
    case Op::in:
    case Op::contains:
      if (en) return "if you chose " + chosen + " for " + label;
      return easy ? label + "で " + chosen + "を えらんだ とき" : label + "で" + chosen + "を選んだ場合";
    case Op::not_equals:
    case Op::not_in:
      if (en) return "if you did not choose " + chosen + " for " + label;
      return easy ? label + "で " + chosen + "を えらばなかった とき" : label + "で" + chosen + "以外を選んだ場合";
    case Op::answered:
      if (en) return "if you answered " + label;
      return easy ? label + "を かいた とき" : label + "を入力した場合";
    case Op::not_answered:
      if (en) return "if you left " + label + " blank";
      return easy ? label + "を かかなかった とき" : label + "を入力しなかった場合";
    default:
      return en ? "if it applies to you" : (easy ? "あてはまる とき" : "該当する場合");
  }
}

}  // namespace

std::string condition_clause(const forms::Condition& condition, const forms::FormSpec& spec, Language language) {
  return clause(condition, spec, language);
}

std::string describe_condition(const forms::Condition& condition, const forms::FormSpec& spec, Language language) {
  std::string when = clause(condition, spec, language);
  if (language == Language::en) return "Answer this only " + when + ".";
  if (language == Language::easy) return when + "だけ こたえて ください。";
  return when + "のみ、お答えください。";
}

nlohmann::json client_condition(const forms::Condition& c, const std::vector<size_t>& indices) {
  switch (c.op) {
    case Op::all:
    case Op::any: {
      nlohmann::json operands = nlohmann::json::array();
      for (const auto& operand : c.operands) operands.push_back(client_condition(operand, indices));
      return {{c.op == Op::all ? "all" : "any", operands}};
    }
    case Op::negate:
      return {{"not", c.operands.empty() ? nlohmann::json{{"op", "always"}} : client_condition(c.operands[0], indices)}};
    case Op::age_at_least:
    case Op::age_below:
      return {{"op", "always"}};
    default:
      break;
  }
  nlohmann::json values = nlohmann::json::array();
  for (const auto& v : c.values) values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
  return {{"name", concrete_path(c.field.path, indices)}, {"op", std::string(forms::condition_op_name(c.op))},
          {"values", values}};
}

}  // namespace madoguchi::applications
