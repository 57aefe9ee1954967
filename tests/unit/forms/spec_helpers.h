// Test helpers: a FormSpec from YAML text (failing the test when it has problems), and today.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "forms/spec_from_yaml.h"
#include "forms/validation.h"

namespace madoguchi::forms::testing {

inline FormSpec spec_of(std::string_view yaml) {
  auto built = parse_form_spec(yaml);
  for (const auto& p : built.problems) ADD_FAILURE() << p.line << ": " << p.message();
  return built.spec.value_or(FormSpec{});
}

// A form of one section holding the given field definitions (YAML list items, indented by 6).
inline FormSpec fields_spec(std::string_view fields_yaml) {
  std::string yaml = "sections:\n  - id: main\n    title: {ja: 主, en: Main, easy: おも}\n    fields:\n";
  yaml += fields_yaml;
  return spec_of(yaml);
}

inline constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::November,
                                                    std::chrono::day{22}};

inline ValidationContext today_context() {
  ValidationContext context;
  context.today = kToday;
  return context;
}

// The codes of a result's errors, "path:code" each, in order.
inline std::vector<std::string> error_codes(const ValidationResult& result) {
  std::vector<std::string> out;
  for (const auto& e : result.errors) out.push_back(e.path + ":" + e.code);
  return out;
}

}  // namespace madoguchi::forms::testing
