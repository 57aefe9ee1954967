#include "applications/form_page.h"

#include <algorithm>

#include "applications/condition_text.h"
#include "forms/date_rules.h"
#include "jp/wareki.h"

namespace madoguchi::applications {

namespace {

using json = nlohmann::json;
using forms::Field;
using forms::FieldType;

struct Words {
  const char* ja;
  const char* en;
  const char* easy;
  std::string in(Language language) const {
    return language == Language::en ? en : (language == Language::easy ? easy : ja);
  }
};

std::string example_for(FieldType type, Language language) {
  switch (type) {
    case FieldType::date:
      return Words{"例：令和6年4月1日、R6.4.1、2024-04-01（和暦でも西暦でも入力できます）",
                   "For example 2024-04-01 (Japanese era dates such as 令和6年4月1日 also work)",
                   "れい：れいわ6ねん4がつ1にち、2024-04-01"}
          .in(language);
    case FieldType::phone:
      return Words{"例：022-261-1111（ハイフンはなくても構いません）", "For example 022-261-1111",
                   "れい：022-261-1111"}
          .in(language);
    case FieldType::postal_code:
      return Words{"例：980-8671", "For example 980-8671", "れい：980-8671"}.in(language);
    case FieldType::katakana:
      return Words{"例：センダイ タロウ（ひらがなで入力しても構いません）",
                   "In katakana, for example センダイ タロウ (hiragana is fine too)",
                   "れい：センダイ タロウ（ひらがなでも いいです）"}
          .in(language);
    case FieldType::email:
      return Words{"例：taro@example.jp", "For example taro@example.jp", "れい：taro@example.jp"}.in(language);
    default:
      return {};
  }
}

std::string file_example(const Field& field, Language language) {
  std::string kinds;
  for (const auto& type : field.accept) {
    std::string name = type == "application/pdf" ? "PDF"
                       : type == "image/jpeg"    ? "JPEG"
                       : type == "image/png"     ? "PNG"
                       : type == "image/heic"    ? "HEIC"
                                                 : type;
    if (!kinds.empty()) kinds += language == Language::en ? ", " : "・";
    kinds += name;
  }
  std::string size = format_bytes(field.max_bytes);
  if (language == Language::en) return kinds + " files up to " + size + ".";
  if (language == Language::easy) return kinds + "の ファイル（" + size + " まで）";
  return kinds + "のファイル、" + size + "まで";
}

std::string accept_attribute(const Field& field) {
  std::string out;
  for (const auto& type : field.accept) {
    std::string extensions = type == "application/pdf" ? ".pdf"
                             : type == "image/jpeg"    ? ".jpg,.jpeg"
                             : type == "image/png"     ? ".png"
                             : type == "image/heic"    ? ".heic"
                                                       : "";
    out += (out.empty() ? "" : ",") + type + (extensions.empty() ? "" : "," + extensions);
  }
  return out;
}

std::string autocomplete_for(const procedures::Procedure& p, const Field& field, const std::string& path) {
  if (field.type == FieldType::postal_code) return "postal-code";
  const auto& a = p.applicant;
  if (path == a.name) return "name";
  if (path == a.birth_date) return "bday";
  if (path == a.address) return "address-line1";
  if (path == a.phone) return "tel";
  if (path == a.email) return "email";
  return {};
}

std::string shown_text(const json* value, FieldType type, Language language) {
  if (!value || value->is_null()) return {};
  if (value->is_string()) {
    const std::string& text = value->get_ref<const std::string&>();
    if (type == FieldType::date && language != Language::en) {
      if (auto date = forms::parse_iso_date(text)) {
        auto wareki = jp::format_wareki(*date, jp::WarekiStyle::kanji);
        if (wareki.ok()) return wareki.value();
      }
    }
    return text;
  }
  if (value->is_number()) return value->dump();
  return {};
}

bool is_chosen(const json* value, const std::string& option) {
  if (!value) return false;
  if (value->is_string()) return value->get_ref<const std::string&>() == option;
  if (value->is_array()) {
    return std::any_of(value->begin(), value->end(),
                       [&](const json& v) { return v.is_string() && v.get_ref<const std::string&>() == option; });
  }
  return false;
}

bool is_ticked(const json* value) {
  if (!value) return false;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_string()) {
    const auto& s = value->get_ref<const std::string&>();
    return !s.empty() && s != "0" && s != "false" && s != "off";
  }
  return false;
}

class PageBuilder {
 public:
  explicit PageBuilder(const FormPageInput& in) : in_(in) {}

  json build() {
    json fields = json::array();
    json given = json::array();
    for (const auto& field : in_.section.fields) {
      if (settled(field.id)) {
        if (!field.visible_if || in_.state.holds(*field.visible_if, {})) given.push_back(pick(field.label, in_.language));
        continue;
      }
      json model = render(field, field.id, {}, in_.section.fields);
      if (!model.is_null()) fields.push_back(std::move(model));
    }
    return {{"fields", fields},     {"error_summary", summary()}, {"has_files", has_files_},
            {"has_repeats", has_repeats_}, {"given", given}};
  }

 private:
  bool settled(const std::string& top_level) const {
    return in_.settled && std::find(in_.settled->begin(), in_.settled->end(), top_level) != in_.settled->end();
  }

  std::string error_at(const std::string& path) const {
    for (const auto& e : in_.errors) {
      if (e.path == path) return pick(e.message, in_.language);
    }
    return {};
  }

  json summary() const {
    std::vector<std::pair<size_t, json>> items;
    for (const auto& e : in_.errors) {
      size_t best = order_.empty() ? 0 : order_.size();
      size_t best_length = 0;
      for (size_t i = 0; i < order_.size(); ++i) {
        const auto& path = order_[i].first;
        bool prefix = e.path.rfind(path, 0) == 0 &&
                      (e.path.size() == path.size() || e.path[path.size()] == '.' || e.path[path.size()] == '[');
        if (prefix && path.size() >= best_length) {
          best = i;
          best_length = path.size();
          if (path.size() == e.path.size()) break;
        }
      }
      std::string href = best < order_.size() ? order_[best].second : (order_.empty() ? "main" : order_[0].second);
      items.emplace_back(best, json{{"href", "#" + href}, {"message", pick(e.message, in_.language)}});
    }
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    json out = json::array();
    for (auto& [position, item] : items) out.push_back(std::move(item));
    return out;
  }

  json base(const Field& field, const std::string& path) {
    const std::string id = field_html_id(path);
    std::string hint = pick(field.help, in_.language);
    std::string example = field.type == FieldType::file ? file_example(field, in_.language)
                                                         : example_for(field.type, in_.language);
    std::string error = error_at(path);
    std::string described;
    if (!hint.empty() || !example.empty()) described = id + "-hint";
    if (!error.empty()) described += (described.empty() ? "" : " ") + id + "-error";
    return {{"id", id},
            {"first_id", id},
            {"name", path},
            {"label", pick(field.label, in_.language)},
            {"hint", hint},
            {"example", example},
            {"has_hint", !hint.empty() || !example.empty()},
            {"hint_id", id + "-hint"},
            {"error", error},
            {"error_id", id + "-error"},
            {"describedby", described},
            {"required", field.required},
            {"value", ""},
            {"checked", false},
            {"input_type", "text"},
            {"autocomplete", ""},
            {"inputmode", ""},
            {"spellcheck_off", false},
            {"width", ""},
            {"unit", pick(field.unit, in_.language)},
            {"options", json::array()},
            {"conditional", false},
            {"show_if", ""},
            {"condition_text", ""},
            {"accept", ""},
            {"max_bytes", 0},
            {"current_file", ""},
            {"postal_target", ""},
            {"fields", json::array()},
            {"items", json::array()},
            {"group_error", ""},
            {"add_action", ""},
            {"max_items", field.max_items},
            {"add_label", ""},
            {"can_add", false},
            {"is_input", false},
            {"is_textarea", false},
            {"is_radio", false},
            {"is_checkboxes", false},
            {"is_checkbox", false},
            {"is_select", false},
            {"is_file", false},
            {"is_group", false},
            {"is_repeat", false}};
  }

  // The question as a model, or null when a condition on another page hides it.
  json render(const Field& field, const std::string& pattern, const std::vector<size_t>& indices,
              const std::vector<Field>& siblings) {
    bool conditional = false;
    if (field.visible_if) {
      if (depends_on_section(*field.visible_if, in_.procedure.form, in_.section, in_.settled)) {
        conditional = true;
      } else if (!in_.state.holds(*field.visible_if, indices)) {
        return nullptr;
      }
    }
    const std::string path = concrete_path(pattern, indices);
    json m = base(field, path);
    if (conditional) {
      m["conditional"] = true;
      m["show_if"] = client_condition(*field.visible_if, indices).dump();
      m["condition_text"] = describe_condition(*field.visible_if, in_.procedure.form, in_.language);
    }
    const json* value = answer_at(in_.answers, pattern, indices);
    order_.emplace_back(path, m["id"].get<std::string>());
    switch (field.type) {
      case FieldType::group:
        return group(field, pattern, indices, std::move(m));
      case FieldType::radio:
      case FieldType::select:
      case FieldType::checkbox:
        return choices(field, indices, value, std::move(m));
      case FieldType::file:
        return file(field, value, std::move(m));
      default:
        break;
    }
    const bool multiline = field.type == FieldType::text && field.multiline;
    m[multiline ? "is_textarea" : "is_input"] = true;
    m["value"] = shown_text(value, field.type, in_.language);
    m["autocomplete"] = autocomplete_for(in_.procedure, field, path);
    switch (field.type) {
      case FieldType::email:
        m["input_type"] = "email";
        m["spellcheck_off"] = true;
        break;
      case FieldType::phone:
        m["input_type"] = "tel";
        m["width"] = "medium";
        break;
      case FieldType::postal_code:
        m["inputmode"] = "numeric";
        m["width"] = "short";
        m["postal_target"] = postal_target(siblings, field, pattern, indices);
        break;
      case FieldType::number:
        m["inputmode"] = field.decimals > 0 ? "decimal" : "numeric";
        m["width"] = "short";
        break;
      case FieldType::date:
        m["width"] = "medium";
        break;
      case FieldType::name:
      case FieldType::katakana:
        m["spellcheck_off"] = true;
        break;
      default:
        break;
    }
    return m;
  }

  // The id of the first address question after a postal code among its siblings (autofill target).
  std::string postal_target(const std::vector<Field>& siblings, const Field& postal, const std::string& pattern,
                            const std::vector<size_t>& indices) const {
    bool after = false;
    std::string prefix = pattern.substr(0, pattern.size() - postal.id.size());
    for (const auto& sibling : siblings) {
      if (&sibling == &postal) after = true;
      if (after && sibling.type == FieldType::address) return field_html_id(concrete_path(prefix + sibling.id, indices));
    }
    return {};
  }

  json choices(const Field& field, const std::vector<size_t>& indices, const json* value, json m) {
    const std::string id = m["id"];
    if (field.type == FieldType::checkbox && field.options.empty()) {
      m["is_checkbox"] = true;
      m["checked"] = is_ticked(value);
      return m;
    }
    m[field.type == FieldType::radio ? "is_radio" : (field.type == FieldType::select ? "is_select" : "is_checkboxes")] =
        true;
    json options = json::array();
    size_t n = 0;
    for (const auto& option : field.options) {
      bool chosen = is_chosen(value, option.value);
      std::string show_if, note;
      if (option.available_if) {
        if (depends_on_section(*option.available_if, in_.procedure.form, in_.section, in_.settled)) {
          show_if = client_condition(*option.available_if, indices).dump();
          std::string when = condition_clause(*option.available_if, in_.procedure.form, in_.language);
          note = in_.language == Language::en ? "(only " + when + ")"
                 : in_.language == Language::easy ? "（" + when + "だけ）"
                                                  : "（" + when + "のみ）";
        } else if (!in_.state.holds(*option.available_if, indices) && !chosen) {
          continue;
        }
      }
      std::string option_id = id + "-" + std::to_string(n++);
      options.push_back({{"value", option.value},
                         {"label", pick(option.label, in_.language)},
                         {"id", option_id},
                         {"checked", chosen},
                         {"show_if", show_if},
                         {"note", note}});
    }
    if (field.type != FieldType::select && !options.empty()) {
      m["first_id"] = options[0]["id"];
      order_.back().second = options[0]["id"].get<std::string>();
    }
    m["options"] = std::move(options);
    return m;
  }

  json file(const Field& field, const json* value, json m) {
    has_files_ = true;
    m["is_file"] = true;
    m["accept"] = accept_attribute(field);
    m["max_bytes"] = field.max_bytes;
    if (value && value->is_object() && value->contains("upload_id")) {
      m["current_file"] = display_file(*value);
    }
    return m;
  }

  std::string display_file(const json& value) const {
    std::string name = value.value("filename", std::string());
    if (value.contains("size") && value["size"].is_number_integer()) {
      name += " (" + format_bytes(value["size"].get<uint64_t>()) + ")";
    }
    return name;
  }

  json group(const Field& field, const std::string& pattern, const std::vector<size_t>& indices, json m) {
    m["is_group"] = true;
    m["group_error"] = m["error"];
    if (!field.repeat) {
      json children = json::array();
      for (const auto& child : field.fields) {
        json model = render(child, pattern + "." + child.id, indices, field.fields);
        if (!model.is_null()) children.push_back(std::move(model));
      }
      m["fields"] = std::move(children);
      return m;
    }
    has_repeats_ = true;
    m["is_repeat"] = true;
    const json* items = answer_at(in_.answers, pattern, indices);
    size_t answered = items && items->is_array() ? items->size() : 0;
    size_t rows = std::max({answered, field.min_items, size_t{1}});
    if (field.max_items) rows = std::min(rows, std::max(field.max_items, size_t{1}));
    const std::string path = concrete_path(pattern, indices);
    const std::string item_label = pick(field.item_label, in_.language);
    json list = json::array();
    for (size_t i = 0; i < rows; ++i) {
      auto inner = indices;
      inner.push_back(i);
      json children = json::array();
      for (const auto& child : field.fields) {
        json model = render(child, pattern + "[]." + child.id, inner, field.fields);
        if (!model.is_null()) children.push_back(std::move(model));
      }
      std::string number = std::to_string(i + 1);
      list.push_back({{"title", item_label + " " + number},
                      {"number", number},
                      {"item_label", item_label},
                      {"id", field_html_id(path + "[" + std::to_string(i) + "]") + "-item"},
                      {"fields", std::move(children)},
                      {"can_remove", rows > 1},
                      {"remove_action", "remove:" + path + ":" + std::to_string(i)}});
    }
    m["items"] = std::move(list);
    m["can_add"] = field.max_items == 0 || rows < field.max_items;
    m["add_action"] = "add:" + path;
    m["add_label"] = in_.language == Language::en ? "Add another " + item_label
                     : in_.language == Language::easy ? item_label + "を ふやす"
                                                      : item_label + "を追加";
    return m;
  }

  const FormPageInput& in_;
  std::vector<std::pair<std::string, std::string>> order_;
  bool has_files_ = false;
  bool has_repeats_ = false;
};

}  // namespace

std::string field_html_id(std::string_view concrete_path) {
  std::string out = "f-";
  for (char c : concrete_path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
      out.push_back(c);
    } else if (c == '.' || c == '[') {
      out.push_back('-');
    }
  }
  return out;
}

json form_page_model(const FormPageInput& input) { return PageBuilder(input).build(); }

}  // namespace madoguchi::applications
