// The visit's pre-entry code on the citizen's list: one code, shown as a QR, that a counter clerk
// takes in for every ready counter procedure of the bundle. current_visit_code() is the code the
// bundle's counter drafts are shown with now (unused, unexpired, not replaced), if any;
// visit_code_model() is the counter section's panel — the QR, the code as text, its expiry, the
// procedures it covers, the button that issues it (again when the ready procedures changed since),
// the counter procedures not ready yet with what is left, and whether a clerk took it in.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "lifeevents/web/web_support.h"

namespace madoguchi::lifeevents {

std::optional<counter::IssuedPreEntry> current_visit_code(const LifeEventsWeb& web, const BundleState& state);

// For the list page (with the button) or its printable copy (without).
nlohmann::json visit_code_model(const LifeEventsWeb& web, const Request& request, const OpenBundle& open,
                                const BundleState& state, bool print);

}  // namespace madoguchi::lifeevents
