#include "applications/answer_summary.h"

namespace madoguchi::applications {

namespace {

std::string yes_no(bool yes, Language language) {
  if (language == Language::en) return yes ? "Yes" : "No";
  return yes ? "はい" : "いいえ";
}

std::string number_text(const nlohmann::json& value) {
  if (value.is_number_integer()) return group_thousands(std::to_string(value.get<long long>()));
  if (value.is_number()) {
    std::string text = value.dump();
    return group_thousands(text);
  }
  return value.is_string() ? value.get<std::string>() : value.dump();
}

class Summarizer {
 public:
  Summarizer(const FormState& state, const nlohmann::json& raw, const std::vector<forms::FieldError>& errors,
             Language language)
      : state_(state), raw_(raw), errors_(errors), language_(language) {}

  SummarySection section(const forms::Section& s) {
    SummarySection out{s.id, pick(s.title, language_), {}};
    out.blocks.push_back({});
    for (const auto& field : s.fields) add(field, field.id, {}, "", out.blocks);
    std::erase_if(out.blocks, [](const SummaryBlock& b) { return b.rows.empty(); });
    return out;
  }

 private:
  std::string message(const std::string& path) const {
    for (const auto& e : errors_) {
      if (e.path == path) return pick(e.message, language_);
    }
    return {};
  }

  void add(const forms::Field& field, const std::string& pattern, const std::vector<size_t>& indices,
           const std::string& prefix, std::vector<SummaryBlock>& blocks) {
    if (field.visible_if && !state_.holds(*field.visible_if, indices)) return;
    if (field.type == forms::FieldType::group) {
      std::string title = prefix + pick(field.label, language_);
      if (!field.repeat) {
        blocks.push_back({title, {}});
        for (const auto& child : field.fields) add(child, pattern + "." + child.id, indices, title + " ", blocks);
        blocks.push_back({});
        return;
      }
      const auto* items = answer_at(state_.effective(), pattern, indices);
      size_t count = items && items->is_array() ? items->size() : 0;
      for (size_t i = 0; i < count; ++i) {
        auto inner = indices;
        inner.push_back(i);
        std::string item_title = prefix + pick(field.item_label, language_) + " " + std::to_string(i + 1);
        blocks.push_back({item_title, {}});
        for (const auto& child : field.fields) add(child, pattern + "[]." + child.id, inner, item_title + " ", blocks);
      }
      blocks.push_back({});
      return;
    }
    SummaryRow row;
    row.label = pick(field.label, language_);
    row.path = concrete_path(pattern, indices);
    row.error = message(row.path);
    if (const auto* value = answer_at(state_.effective(), pattern, indices)) {
      row.value = display_value(field, *value, language_);
    } else if (!row.error.empty()) {
      const auto* typed = answer_at(raw_, pattern, indices);
      if (typed && typed->is_string()) row.value = typed->get<std::string>();
    }
    blocks.back().rows.push_back(std::move(row));
  }

  const FormState& state_;
  const nlohmann::json& raw_;
  const std::vector<forms::FieldError>& errors_;
  Language language_;
};

}  // namespace

std::string display_value(const forms::Field& field, const nlohmann::json& value, Language language) {
  using forms::FieldType;
  switch (field.type) {
    case FieldType::date:
      return value.is_string() ? format_iso_date(value.get<std::string>(), language) : value.dump();
    case FieldType::number: {
      std::string text = number_text(value);
      if (!field.unit.empty()) text += (language == Language::en ? " " : "") + pick(field.unit, language);
      return text;
    }
    case FieldType::select:
    case FieldType::radio:
      if (value.is_string()) {
        const auto* option = field.find_option(value.get<std::string>());
        return option ? pick(option->label, language) : value.get<std::string>();
      }
      return value.dump();
    case FieldType::checkbox: {
      if (value.is_boolean()) return yes_no(value.get<bool>(), language);
      std::string out;
      if (!value.is_array()) return value.dump();
      for (const auto& item : value) {
        if (!out.empty()) out += language == Language::en ? ", " : "、";
        const auto* option = item.is_string() ? field.find_option(item.get<std::string>()) : nullptr;
        out += option ? pick(option->label, language) : (item.is_string() ? item.get<std::string>() : item.dump());
      }
      return out;
    }
    case FieldType::file: {
      if (!value.is_object()) return {};
      std::string name = value.value("filename", std::string());
      if (value.contains("size") && value["size"].is_number_integer()) {
        name += " (" + format_bytes(value["size"].get<uint64_t>()) + ")";
      }
      return name;
    }
    default:
      return value.is_string() ? value.get<std::string>() : value.dump();
  }
}

std::vector<SummarySection> summarize(const FormState& state, const nlohmann::json& raw,
                                      const std::vector<forms::FieldError>& errors, Language language) {
  std::vector<SummarySection> out;
  Summarizer summarizer(state, raw, errors, language);
  for (const auto* section : state.visible_sections()) out.push_back(summarizer.section(*section));
  return out;
}

}  // namespace madoguchi::applications
