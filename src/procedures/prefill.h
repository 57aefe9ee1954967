// Prefill (書かない窓口, once-only): the answers a form can start with, taken from the basic four
// items read from the My Number card and from answers the same person already gave to earlier
// procedures, as each field's `prefill` declares. The result is a draft to show and validate,
// never trusted as is.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "procedures/procedure.h"

namespace madoguchi::procedures {

// The basic four items (基本4情報) as the card reader returns them.
struct CardFourItems {
  std::string name;        // as on the card (family and given name separated by U+3000), byte-exact
  std::string address;
  std::string birth_date;  // "YYYY-MM-DD"
  int sex_code = 0;        // 1 male, 2 female, 9 not applicable (as on the card); 0 unknown
};

// Answers given earlier, to a procedure of the catalogue.
struct EarlierAnswers {
  std::string procedure_id;
  nlohmann::json answers;  // normalised answers (ValidationResult::answers)
};

// A JSON object of answers for `target`. For each field (outside repeating groups for the
// card), the card item wins over earlier answers; among earlier answers the first listed source
// that has a value wins. Repeating groups are copied item by item, keeping only the child
// fields the target has.
nlohmann::json prefill_answers(const Procedure& target, const CardFourItems* card,
                               const std::vector<EarlierAnswers>& earlier);

}  // namespace madoguchi::procedures
