#include "casework/correction_rules.h"

#include <algorithm>
#include <set>

namespace madoguchi::casework {

std::vector<CorrectableField> correctable_fields(const procedures::Procedure& procedure) {
  std::vector<CorrectableField> out;
  for (const auto& section : procedure.form.sections) {
    for (const auto& field : section.fields) out.push_back({field.id, &field, &section});
  }
  return out;
}

std::vector<std::string> checked_field_names(const procedures::Procedure& procedure,
                                             const std::vector<std::string>& names, std::vector<std::string>& unknown) {
  std::set<std::string, std::less<>> wanted(names.begin(), names.end());
  std::vector<std::string> out;
  for (const auto& c : correctable_fields(procedure)) {
    if (wanted.erase(c.id)) out.push_back(c.id);
  }
  unknown.assign(wanted.begin(), wanted.end());
  return out;
}

forms::Section correction_section(const procedures::Procedure& procedure, const std::vector<std::string>& names,
                                  const forms::LocalizedText& title) {
  forms::Section section;
  section.id = "correction";
  section.title = title;
  for (const auto& c : correctable_fields(procedure)) {
    if (std::find(names.begin(), names.end(), c.id) != names.end()) section.fields.push_back(*c.field);
  }
  return section;
}

nlohmann::json merge_corrected(const nlohmann::json& current, const nlohmann::json& posted,
                               const std::vector<std::string>& names) {
  nlohmann::json out = current.is_object() ? current : nlohmann::json::object();
  for (const auto& name : names) {
    if (posted.is_object() && posted.contains(name)) {
      out[name] = posted[name];
    } else {
      out.erase(name);
    }
  }
  return out;
}

std::vector<std::string> changed_fields(const nlohmann::json& before, const nlohmann::json& after,
                                        const std::vector<std::string>& names) {
  static const nlohmann::json absent;
  auto at = [](const nlohmann::json& answers, const std::string& name) -> const nlohmann::json& {
    if (!answers.is_object()) return absent;
    auto it = answers.find(name);
    return it == answers.end() ? absent : *it;
  };
  std::vector<std::string> out;
  for (const auto& name : names) {
    if (at(before, name) != at(after, name)) out.push_back(name);
  }
  return out;
}

}  // namespace madoguchi::casework
