// The citizen's list as the list, print and staff pages show it: the questions put back when
// answers contradict each other; otherwise each item that applies, why, its deadline worded
// with the law it comes from, where it is done (online, at the ward office counter, or at an
// office outside the city) and what to bring, with the state of its draft (for a counter
// procedure: ready for the visit's code, taken in by a clerk, submitted at the counter); the
// items that do not apply; everything to bring to the counter in one list.
#pragma once

#include <nlohmann/json.hpp>

#include "lifeevents/web/web_support.h"

namespace madoguchi::lifeevents {

// How a deadline reads: "住み始めた日から14日以内" / "within 14 days of the moving date".
std::string deadline_rule_text(const LifeEvent& event, const Deadline& deadline, Language language);

// What a procedure not yet ready still needs: the shared answers, its own questions, a sign-in.
std::string waiting_text(const LifeEventsWeb& web, const Request& request, const ItemState& item);

nlohmann::json list_model(const LifeEventsWeb& web, const Request& request, const OpenBundle& open,
                          const BundleState& state);

}  // namespace madoguchi::lifeevents
