#include "applications/form_state.h"

#include <algorithm>

namespace madoguchi::applications {

std::string concrete_path(std::string_view pattern, const std::vector<size_t>& indices) {
  std::string out;
  size_t used = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.compare(i, 2, "[]") == 0 && used < indices.size()) {
      out += "[" + std::to_string(indices[used++]) + "]";
      ++i;
      continue;
    }
    out.push_back(pattern[i]);
  }
  return out;
}

const nlohmann::json* answer_at(const nlohmann::json& answers, std::string_view pattern,
                                const std::vector<size_t>& indices) {
  const nlohmann::json* node = &answers;
  size_t used = 0;
  size_t start = 0;
  while (start <= pattern.size()) {
    auto dot = pattern.find('.', start);
    std::string_view segment = pattern.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    bool repeated = segment.size() > 2 && segment.substr(segment.size() - 2) == "[]";
    std::string key(repeated ? segment.substr(0, segment.size() - 2) : segment);
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end() || it->is_null()) return nullptr;
    node = &*it;
    if (repeated) {
      if (used >= indices.size() || !node->is_array() || indices[used] >= node->size()) return nullptr;
      node = &(*node)[indices[used++]];
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return node;
}

bool set_answer(nlohmann::json& answers, std::string_view concrete_path, nlohmann::json value) {
  nlohmann::json* node = &answers;
  size_t start = 0;
  while (true) {
    auto dot = concrete_path.find('.', start);
    std::string_view segment =
        concrete_path.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    std::optional<size_t> index;
    auto bracket = segment.find('[');
    if (bracket != std::string_view::npos) {
      if (segment.back() != ']' || segment.size() - bracket > 8) return false;
      size_t n = 0;
      for (char c : segment.substr(bracket + 1, segment.size() - bracket - 2)) {
        if (c < '0' || c > '9') return false;
        n = n * 10 + static_cast<size_t>(c - '0');
      }
      index = n;
      segment = segment.substr(0, bracket);
    }
    if (segment.empty()) return false;
    if (node->is_null()) *node = nlohmann::json::object();
    if (!node->is_object()) return false;
    node = &(*node)[std::string(segment)];
    if (index) {
      if (node->is_null()) *node = nlohmann::json::array();
      if (!node->is_array() || *index > 1000) return false;
      while (node->size() <= *index) node->push_back(nlohmann::json::object());
      node = &(*node)[*index];
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  *node = std::move(value);
  return true;
}

std::string top_level_id(std::string_view path) { return std::string(path.substr(0, path.find_first_of(".["))); }

bool depends_on_section(const forms::Condition& condition, const forms::FormSpec& spec, const forms::Section& section,
                        const std::vector<std::string>* except) {
  bool depends = false;
  forms::for_each_reference(condition, [&](const forms::FieldRef& ref) {
    const std::string top = top_level_id(ref.path);
    if (except && std::find(except->begin(), except->end(), top) != except->end()) return;
    if (spec.section_of(top) == &section) depends = true;
  });
  return depends;
}

FormState::FormState(const forms::FormSpec& spec, nlohmann::json effective_answers,
                     std::optional<std::chrono::year_month_day> today)
    : spec_(spec), effective_(std::move(effective_answers)), today_(today) {}

bool FormState::holds(const forms::Condition& condition, const std::vector<size_t>& indices) const {
  return forms::evaluate(
      condition, [&](const forms::FieldRef& ref) { return answer_at(effective_, ref.path, indices); }, today_);
}

bool FormState::section_visible(const forms::Section& section) const {
  return !section.visible_if || holds(*section.visible_if, {});
}

std::vector<const forms::Section*> FormState::visible_sections() const {
  std::vector<const forms::Section*> out;
  for (const auto& section : spec_.sections) {
    if (section_visible(section)) out.push_back(&section);
  }
  return out;
}

const forms::Section* FormState::next_section(std::string_view id, const Skip& skip) const {
  bool after = false;
  for (const auto& section : spec_.sections) {
    if (after && section_visible(section) && !(skip && skip(section))) return &section;
    if (section.id == id) after = true;
  }
  return nullptr;
}

const forms::Section* FormState::previous_section(std::string_view id, const Skip& skip) const {
  const forms::Section* last = nullptr;
  for (const auto& section : spec_.sections) {
    if (section.id == id) return last;
    if (section_visible(section) && !(skip && skip(section))) last = &section;
  }
  return nullptr;
}

int FormState::step_number(std::string_view id) const {
  int n = 0;
  for (const auto* section : visible_sections()) {
    ++n;
    if (section->id == id) return n;
  }
  return 0;
}

int FormState::step_count() const { return static_cast<int>(visible_sections().size()); }

}  // namespace madoguchi::applications
