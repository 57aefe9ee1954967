// The model of the clerk's counter screen for one visitor: the visit
// (ticket or booking, identity check), the card's four items with flagged
// characters, the masked individual number, and for every procedure of the
// bundle its state, its answers (with what the form engine still finds
// wrong), the comparison with the card (variant characters named), the
// correction form and the print link. Reads only what it is given.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "counter/web/counter_web.h"

namespace madoguchi::counter {

struct ItemNotice {
  std::vector<forms::FieldError> errors;  // from a correction or a submission that was refused
  std::string message;
};

nlohmann::json intake_view(const CounterWeb& web, const platform::http::Request& request, const Intake& intake,
                           const std::map<int64_t, ItemNotice>& notices);

}  // namespace madoguchi::counter
