// Card comparison: for each field of a procedure that takes a card item
// (`prefill: {card: …}` in its YAML), the card's value beside the answer given,
// and whether they agree, differ only by a variant form of a character (異体字,
// e.g. 髙 on the card, 高 typed), or differ. Pure; the page shows every row and
// offers to take the card's value.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "counter/card_data.h"
#include "procedures/procedure.h"

namespace madoguchi::counter {

enum class Agreement { same, variant, differs, unanswered };

struct CardComparisonRow {
  std::string field_id;      // top-level field
  std::string card_value;    // as the answer would hold it (sex as the option value)
  std::string answer_value;  // as answered ("" when unanswered)
  Agreement agreement = Agreement::same;
  std::vector<std::string> variant_pairs;  // "髙→高" for each character that differs only in form
};

std::vector<CardComparisonRow> compare_with_card(const procedures::Procedure& procedure, const nlohmann::json& answers,
                                                 const CardFourItems& card);

// The character a variant (異体字) is commonly typed as (髙 → 高, 﨑 → 崎, 𠮷 → 吉), or itself.
char32_t common_form(char32_t code_point);

// The card items as stored on an intake ({name, address, birth_date, sex_code, flagged}) and back.
nlohmann::json card_items_json(const CardFourItems& card);
CardFourItems card_items_from_json(const nlohmann::json& json);

}  // namespace madoguchi::counter
