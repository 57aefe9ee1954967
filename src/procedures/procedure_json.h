// JSON for the API and the citizen web: a procedure's public description (names, search terms,
// department, channels, identity, fee, processing period, what to bring, attachments) with or
// without its form spec (forms/spec_json.h), and the reference lists. Documented in
// docs/procedures.md; keys are only ever added.
#pragma once

#include <nlohmann/json.hpp>

#include "procedures/catalogue.h"
#include "procedures/directory.h"
#include "procedures/procedure.h"

namespace madoguchi::procedures {

// The description; with `with_form`, also "form" (spec_to_json). Department, category and life
// events are given as codes and, when `directory` is given, with their names.
nlohmann::json procedure_to_json(const Procedure& procedure, bool with_form,
                                 const Directory* directory = nullptr);

// {"city", "departments", "wards", "categories", "life_events"}.
nlohmann::json directory_to_json(const Directory& directory);

// {"procedures": [description without form …]} for a catalogue listing.
nlohmann::json catalogue_to_json(const Catalogue& catalogue);

}  // namespace madoguchi::procedures
