#include "applications/prepared_draft.h"

#include <algorithm>

namespace madoguchi::applications {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

std::vector<std::string> settled_fields(const procedures::Procedure& procedure, const forms::Section& section,
                                        const nlohmann::json& answers, const std::vector<std::string>& given,
                                        const forms::ValidationContext& context) {
  std::vector<std::string> settled;
  if (given.empty()) return settled;
  auto errors = forms::validate_section(procedure.form, section.id, answers, context).errors;
  for (const auto& field : section.fields) {
    if (!contains(given, field.id) || !answers.contains(field.id)) continue;
    bool wrong = std::any_of(errors.begin(), errors.end(),
                             [&](const forms::FieldError& e) { return top_level_id(e.path) == field.id; });
    if (!wrong) settled.push_back(field.id);
  }
  return settled;
}

bool asks_nothing(const procedures::Procedure& procedure, const FormState& state, const forms::Section& section,
                  const nlohmann::json& answers, const std::vector<std::string>& given,
                  const forms::ValidationContext& context) {
  if (given.empty()) return false;
  auto settled = settled_fields(procedure, section, answers, given, context);
  return std::all_of(section.fields.begin(), section.fields.end(), [&](const forms::Field& field) {
    bool shown = !field.visible_if || state.holds(*field.visible_if, {});
    return !shown || contains(settled, field.id);
  });
}

std::vector<std::string> sections_asking_nothing(const procedures::Procedure& procedure, const nlohmann::json& answers,
                                                 const std::vector<std::string>& given,
                                                 const forms::ValidationContext& context) {
  std::vector<std::string> out;
  if (given.empty()) return out;
  auto whole = forms::validate(procedure.form, answers, context);
  FormState state(procedure.form, whole.answers, context.today);
  for (const auto* section : state.visible_sections()) {
    if (asks_nothing(procedure, state, *section, answers, given, context)) out.push_back(section->id);
  }
  return out;
}

}  // namespace madoguchi::applications
