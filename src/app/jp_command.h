// `madoguchi jp …`: answers an operator's question about Japanese data (a date, kana, characters,
// an individual or corporate number, a phone number, a postal code, an address, a year's
// holidays, an age) with one JSON object on `out`; exit code 0, or 1 with the reason on `err`.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace madoguchi::app {

// `args` are the words after `madoguchi jp`, e.g. {"date", "令和8年11月22日"}. `jp postal` reads
// the table named by the environment variable MADOGUCHI_POSTAL_TABLE, or else the one the build
// generates (<build directory>/data/postal.tsv).
int run_jp_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace madoguchi::app
