// `madoguchi seed --demo`: fills a fresh instance with demonstration data —
// staff accounts for each role (random passwords, printed once and saved to
// DATA/demo-accounts.txt with 0600 permissions; never a default password)
// and realistic applications for every procedure across the five wards, in
// several statuses, some overdue. Running it again changes nothing.
#pragma once

#include <ostream>

#include "app/settings.h"

namespace madoguchi::app {

int run_seed_demo(const Settings& settings, std::ostream& out, std::ostream& err);

}  // namespace madoguchi::app
