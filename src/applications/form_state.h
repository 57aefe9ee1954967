// FormState: one procedure's form seen against one set of answers — which
// pages (sections) are shown, which conditions hold, and the order of the
// steps. Conditions read the effective answers: the normalised answers
// validation kept (hidden or invalid answers count as absent). Pure.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "forms/form_spec.h"

namespace madoguchi::applications {

// "children[].name" with indices {1} → "children[1].name"; a "[]" without an index stays.
std::string concrete_path(std::string_view pattern, const std::vector<size_t>& indices);
// The answer at a path pattern, taking the repeating items named by `indices`; null if absent.
const nlohmann::json* answer_at(const nlohmann::json& answers, std::string_view pattern,
                                const std::vector<size_t>& indices);
// Sets the answer at a concrete path ("children[1].certificate"), creating the objects and
// list items on the way (missing items become empty objects). False if the path is malformed
// or crosses an answer that is not an object or a list.
bool set_answer(nlohmann::json& answers, std::string_view concrete_path, nlohmann::json value);
// The top-level field id of a path ("children[].name" → "children").
std::string top_level_id(std::string_view path);

// Whether `condition` reads an answer on `section` (so it may change while that page is open),
// leaving out the top-level answers listed in `except` (not asked on the page).
bool depends_on_section(const forms::Condition& condition, const forms::FormSpec& spec, const forms::Section& section,
                        const std::vector<std::string>* except = nullptr);

class FormState {
 public:
  FormState(const forms::FormSpec& spec, nlohmann::json effective_answers,
            std::optional<std::chrono::year_month_day> today);

  const nlohmann::json& effective() const { return effective_; }
  // Whether `condition` holds for a field inside the repeating items `indices`.
  bool holds(const forms::Condition& condition, const std::vector<size_t>& indices) const;
  bool section_visible(const forms::Section& section) const;
  std::vector<const forms::Section*> visible_sections() const;
  // The shown section after / before `id` in form order (null at either end),
  // passing over those `skip` holds for.
  using Skip = std::function<bool(const forms::Section&)>;
  const forms::Section* next_section(std::string_view id, const Skip& skip = {}) const;
  const forms::Section* previous_section(std::string_view id, const Skip& skip = {}) const;
  // 1-based position of `id` among the shown sections (0 if hidden), and their number.
  int step_number(std::string_view id) const;
  int step_count() const;

 private:
  const forms::FormSpec& spec_;
  nlohmann::json effective_;
  std::optional<std::chrono::year_month_day> today_;
};

}  // namespace madoguchi::applications
