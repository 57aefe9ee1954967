// Reads one procedure definition (procedures/<id>.yaml) into a Procedure, checking everything
// that can be checked within the file and against the reference lists: unknown keys, missing
// labels, unknown department/category/life-event codes, applicant and attachment fields that
// the form lacks, and the whole form (forms/spec_from_yaml.h). Links between procedures
// (once-only prefill) are checked by the catalogue.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "procedures/directory.h"
#include "procedures/problem.h"
#include "procedures/procedure.h"

namespace madoguchi::procedures {

struct ProcedureLoad {
  std::optional<Procedure> procedure;  // set only when there are no problems
  std::vector<Problem> problems;
};

// `file` names the definition in problems; its stem must equal the procedure's id. Without a
// directory, codes are not checked against the reference lists.
ProcedureLoad load_procedure_text(std::string_view text, const std::string& file,
                                  const Directory* directory);

ProcedureLoad load_procedure_file(const std::filesystem::path& path, const Directory* directory);

}  // namespace madoguchi::procedures
