// The real procedure catalogue (procedures/*.yaml) and its demo answers, for
// unit tests of every module: loaded once; a catalogue with problems aborts.
#pragma once

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "forms/sample_dates.h"
#include "procedures/catalogue.h"

namespace madoguchi::testing {

inline const procedures::Catalogue& real_catalogue() {
  static const auto loaded = procedures::load_catalogue(MADOGUCHI_SOURCE_DIR "/procedures");
  if (!loaded.catalogue) std::abort();
  return *loaded.catalogue;
}

inline const procedures::Procedure& procedure(const std::string& id) {
  const auto* p = real_catalogue().find(id);
  if (!p) std::abort();
  return *p;
}

// The demo answers of procedure `id` (demo/answers/ID.json), dates relative to today resolved for `today`.
inline nlohmann::json sample_answers_on(const std::string& id, std::chrono::year_month_day today) {
  std::ifstream in(std::string(MADOGUCHI_SOURCE_DIR) + "/demo/answers/" + id + ".json");
  return forms::resolve_sample_dates(nlohmann::json::parse(in), today);
}

}  // namespace madoguchi::testing
