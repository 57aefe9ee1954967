#include "counter/form_filling.h"

#include "jp/wareki.h"

namespace madoguchi::counter {

namespace {

std::string wareki(const std::string& iso) {
  auto parsed = jp::parse_date(iso);
  if (!parsed.ok()) return iso;
  auto text = jp::format_wareki(parsed.value());
  return text.ok() ? text.value() : iso;
}

std::string shown(const forms::Field* field, const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (!field) return value.is_string() ? value.get<std::string>() : value.dump();
  if (field->type == forms::FieldType::date && value.is_string()) return wareki(value.get<std::string>());
  if (forms::is_choice(field->type)) {
    auto label = [&](const nlohmann::json& v) -> std::string {
      if (v.is_boolean()) return v.get<bool>() ? "✓" : "";
      std::string code = v.is_string() ? v.get<std::string>() : v.dump();
      const auto* option = field->find_option(code);
      return option ? option->label.ja : code;
    };
    if (value.is_array()) {
      std::string out;
      for (const auto& v : value) out += (out.empty() ? "" : "、") + label(v);
      return out;
    }
    return label(value);
  }
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

}  // namespace

documents::FormPage fill_form(const FormLayout& layout, const procedures::Procedure& procedure,
                              const nlohmann::json& answers, const FillSources& sources) {
  documents::FormPage page;
  page.boxes = layout.boxes;
  page.texts = layout.labels;
  for (const auto& value : layout.values) {
    if (!value.source.empty()) {
      auto text = value.place;
      if (value.source == "today") {
        auto today = jp::format_wareki(sources.today);
        text.text = today.ok() ? today.value() : jp::format_iso(sources.today);
      } else if (value.source == "reference") {
        text.text = sources.reference;
      } else if (sources.individual_number) {
        text.text = *sources.individual_number;
      }
      page.texts.push_back(text);
      continue;
    }
    const forms::Field* field = procedure.form.find_field(value.answer);
    auto dot = value.answer.find('.');
    std::string top = value.answer.substr(0, dot);
    if (!answers.is_object() || !answers.contains(top)) continue;
    const nlohmann::json& top_value = answers[top];
    if (dot == std::string::npos) {
      auto text = value.place;
      text.text = shown(field, top_value);
      page.texts.push_back(text);
      continue;
    }
    std::string child = value.answer.substr(dot + 1);
    std::vector<nlohmann::json> entries;
    if (top_value.is_array()) {
      for (const auto& e : top_value) entries.push_back(e);
    } else if (top_value.is_object()) {
      entries.push_back(top_value);
    }
    for (size_t i = 0; i < entries.size() && static_cast<int>(i) < value.repeat_max; ++i) {
      if (!entries[i].is_object() || !entries[i].contains(child)) continue;
      auto text = value.place;
      text.field = value.answer + "[" + std::to_string(i) + "]";
      text.y += value.repeat_dy * static_cast<double>(i);
      text.text = shown(field, entries[i][child]);
      page.texts.push_back(text);
    }
  }
  return page;
}

}  // namespace madoguchi::counter
