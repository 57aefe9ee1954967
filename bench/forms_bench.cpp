// Validation throughput of the 児童手当 (child allowance) form with a realistic two-child
// application, printed beside this machine's ceiling measured in the same run: parsing the same
// JSON document with nlohmann::json, which every API request pays before validation can start.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include <yaml-cpp/yaml.h>

#include "forms/spec_from_yaml.h"
#include "forms/validation.h"

namespace {

using namespace madoguchi;

// The form of procedures/child_allowance.yaml (this benchmark links the forms module only).
const forms::FormSpec& child_allowance_form() {
  static const forms::FormSpec spec = [] {
    const auto root = YAML::LoadFile(std::string(MADOGUCHI_SOURCE_DIR) + "/procedures/child_allowance.yaml");
    auto built = forms::build_form_spec(root["form"]);
    if (!built.spec) std::abort();
    return *built.spec;
  }();
  return spec;
}

const std::string& sample_text() {
  static const std::string text = [] {
    std::ifstream in(std::string(MADOGUCHI_SOURCE_DIR) + "/demo/answers/child_allowance.json");
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }();
  return text;
}

forms::ValidationContext context() {
  forms::ValidationContext c;
  c.today = std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::November, std::chrono::day{22}};
  return c;
}

// Ceiling: parsing the application's JSON.
void BM_ParseJsonCeiling(benchmark::State& state) {
  for (auto _ : state) {
    auto answers = nlohmann::json::parse(sample_text());
    benchmark::DoNotOptimize(answers);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseJsonCeiling);

// Parsing plus validating and normalising it against the child allowance form.
void BM_ParseAndValidateChildAllowance(benchmark::State& state) {
  const auto& form = child_allowance_form();
  const auto ctx = context();
  for (auto _ : state) {
    auto result = forms::validate(form, nlohmann::json::parse(sample_text()), ctx);
    if (!result.ok()) state.SkipWithError("the sample no longer validates");
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseAndValidateChildAllowance);

// Validation alone, on an already parsed document.
void BM_ValidateChildAllowance(benchmark::State& state) {
  const auto& form = child_allowance_form();
  const auto answers = nlohmann::json::parse(sample_text());
  const auto ctx = context();
  for (auto _ : state) {
    auto result = forms::validate(form, answers, ctx);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ValidateChildAllowance);

}  // namespace

BENCHMARK_MAIN();
