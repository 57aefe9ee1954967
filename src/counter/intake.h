// Intake (窓口受付): one visitor at the counter. Each item is one procedure of
// the visitor's bundle with the citizen's answers as entered, the answers as
// corrected with the clerk, and the application once submitted as channel
// `counter`. The card's basic four items are kept once read; the individual
// number is only ever in the sealed side table (number_vault.h). Plain data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace madoguchi::counter {

struct IntakeItem {
  int64_t id = 0;
  int position = 0;
  std::optional<int64_t> draft_id;
  std::string procedure_id;
  int procedure_version = 0;
  nlohmann::json entered_answers = nlohmann::json::object();
  nlohmann::json answers = nlohmann::json::object();
  int row_version = 1;
  std::optional<int64_t> application_id;
  std::optional<std::string> reference;  // the application's, once submitted
};

struct Intake {
  int64_t id = 0;
  std::string public_id;
  std::optional<std::string> ward;
  std::string clerk;
  std::optional<std::string> visit_reference;    // queue ticket or booking reference
  std::optional<std::string> identity_document;  // mynumber_card, driving_licence, other
  std::optional<nlohmann::json> card_items;      // {name, address, birth_date, sex_code, flagged: [...]}
  bool has_individual_number = false;
  std::string created_at;
  std::vector<IntakeItem> items;

  bool all_submitted() const {
    for (const auto& item : items) {
      if (!item.application_id) return false;
    }
    return !items.empty();
  }
};

}  // namespace madoguchi::counter
