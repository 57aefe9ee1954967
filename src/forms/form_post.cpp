#include "forms/form_post.h"

#include <algorithm>
#include <cstdio>

namespace madoguchi::forms {

namespace {

using json = nlohmann::json;

struct Step {
  const Field* field = nullptr;
  std::optional<std::size_t> index;  // repeating groups
  bool list_marker = false;          // "name[]"
};

std::string item_key(std::size_t index) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%09zu", index);
  return buffer;
}

const Field* find_in(const std::vector<const Field*>& scope, std::string_view id) {
  for (const Field* field : scope) {
    if (field->id == id) return field;
  }
  return nullptr;
}

std::vector<const Field*> top_fields(const FormSpec& spec) {
  std::vector<const Field*> out;
  for (const auto& section : spec.sections) {
    for (const auto& field : section.fields) out.push_back(&field);
  }
  return out;
}

// Resolves a posted name against the spec; nothing when it does not name a field properly.
std::optional<std::vector<Step>> resolve(const std::vector<const Field*>& top,
                                         std::string_view name) {
  if (name.size() > 256) return std::nullopt;
  std::vector<Step> steps;
  std::vector<const Field*> scope = top;
  while (true) {
    if (scope.empty()) return std::nullopt;
    const auto dot = name.find('.');
    std::string_view segment = name.substr(0, dot);
    Step step;
    const auto bracket = segment.find('[');
    std::string_view id = segment.substr(0, bracket);
    if (bracket != std::string_view::npos) {
      if (segment.back() != ']') return std::nullopt;
      const auto inside = segment.substr(bracket + 1, segment.size() - bracket - 2);
      if (inside.empty()) {
        step.list_marker = true;
      } else {
        if (inside.size() > 6) return std::nullopt;
        std::size_t value = 0;
        for (char c : inside) {
          if (c < '0' || c > '9') return std::nullopt;
          value = value * 10 + static_cast<std::size_t>(c - '0');
        }
        step.index = value;
      }
    }
    step.field = find_in(scope, id);
    if (!step.field) return std::nullopt;
    const bool last = dot == std::string_view::npos;
    const Field& field = *step.field;
    if (field.type == FieldType::group) {
      if (last || step.list_marker || field.repeat != step.index.has_value()) return std::nullopt;
      scope.clear();
      for (const auto& child : field.fields) scope.push_back(&child);
    } else {
      const bool multi = field.type == FieldType::checkbox && !field.options.empty();
      if (!last || step.index || (step.list_marker && !multi)) return std::nullopt;
    }
    steps.push_back(step);
    if (last) return steps;
    name.remove_prefix(dot + 1);
  }
}

bool is_false_value(const std::string& value) {
  return value.empty() || value == "0" || value == "false" || value == "off";
}

void assign(json& object, const Field& field, const std::string& value,
            const FormPostOptions& options) {
  const std::string& id = field.id;
  if (field.type == FieldType::checkbox) {
    if (field.options.empty()) {
      const bool ticked = !is_false_value(value);
      const auto it = object.find(id);
      object[id] = (it != object.end() && it->is_boolean() && it->get<bool>()) || ticked;
      return;
    }
    json& list = object[id];
    if (!list.is_array()) list = json::array();
    if (!value.empty()) list.push_back(value);
    return;
  }
  json posted = value;
  if (field.type == FieldType::file) {
    if (value.empty()) {
      posted = nullptr;
    } else {
      std::optional<json> resolved;
      if (options.resolve_upload) resolved = options.resolve_upload(value);
      posted = resolved ? *resolved : json{{"upload_id", value}};
    }
  }
  const auto it = object.find(id);
  if (it == object.end()) {
    object[id] = std::move(posted);
  } else if (it->is_array()) {
    it->push_back(std::move(posted));
  } else {
    *it = json::array({std::move(*it), std::move(posted)});
  }
}

bool is_blank(const json& value) {
  if (value.is_null()) return true;
  if (value.is_string()) return value.get_ref<const std::string&>().empty();
  if (value.is_boolean()) return !value.get<bool>();
  if (value.is_array()) return std::all_of(value.begin(), value.end(), is_blank);
  if (value.is_object()) return std::all_of(value.begin(), value.end(), is_blank);
  return false;
}

// Turns repeating groups (objects keyed by zero-padded index) into lists, dropping blank items,
// and sets unticked checkboxes of the fields in `scope` when `fill` is set.
void finish(json& object, const std::vector<const Field*>& scope, bool fill) {
  for (const Field* field : scope) {
    const auto it = object.find(field->id);
    if (field->type == FieldType::group) {
      std::vector<const Field*> children;
      for (const auto& child : field->fields) children.push_back(&child);
      if (it == object.end() || !it->is_object()) continue;
      if (!field->repeat) {
        finish(*it, children, fill);
        continue;
      }
      json list = json::array();
      for (auto item = it->begin(); item != it->end(); ++item) {
        if (is_blank(*item)) continue;
        finish(*item, children, fill);
        list.push_back(std::move(*item));
      }
      *it = std::move(list);
      continue;
    }
    if (!fill || field->type != FieldType::checkbox || it != object.end()) continue;
    object[field->id] = field->options.empty() ? json(false) : json::array();
  }
}

}  // namespace

json answers_from_form_post(const FormSpec& spec,
                            const std::vector<std::pair<std::string, std::string>>& fields,
                            const FormPostOptions& options) {
  json answers = json::object();
  const auto top = top_fields(spec);
  std::vector<const std::pair<std::string, std::string>*> unmatched;
  for (const auto& entry : fields) {
    const std::string& name = entry.first;
    if (name.empty() || name.front() == '_') continue;
    const auto steps = resolve(top, name);
    if (!steps) {
      unmatched.push_back(&entry);
      continue;
    }
    json* current = &answers;
    for (std::size_t i = 0; i + 1 < steps->size(); ++i) {
      const Step& step = (*steps)[i];
      json& group = (*current)[step.field->id];
      if (!group.is_object()) group = json::object();
      current = &group;
      if (step.index) {
        json& item = (*current)[item_key(*step.index)];
        if (!item.is_object()) item = json::object();
        current = &item;
      }
    }
    assign(*current, *steps->back().field, entry.second, options);
  }
  const Section* posted = options.section_id ? spec.find_section(*options.section_id) : nullptr;
  if (posted) {
    std::vector<const Field*> own;
    std::vector<const Field*> others;
    for (const Field* field : top) {
      (spec.section_of(field->id) == posted ? own : others).push_back(field);
    }
    finish(answers, own, true);
    finish(answers, others, false);
  } else {
    finish(answers, top, !options.section_id.has_value());
  }
  for (const auto* entry : unmatched) {
    if (!answers.contains(entry->first)) answers[entry->first] = entry->second;
  }
  return answers;
}

}  // namespace madoguchi::forms
