// The procedure catalogue: every procedures/<id>.yaml of a directory, loaded once at start-up
// together with the reference lists (_departments.yaml, _taxonomy.yaml) and checked as a whole
// (including once-only prefill links between procedures). Either every definition is good and
// a Catalogue is returned, or nothing is and the problems say where. Immutable once loaded, so
// it may be shared between threads.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

#include "procedures/directory.h"
#include "procedures/problem.h"
#include "procedures/procedure.h"

namespace madoguchi::procedures {

class Catalogue {
 public:
  // Built by load(); also usable directly (tests), checking nothing.
  Catalogue(Directory directory, std::vector<Procedure> procedures);

  const Procedure* find(std::string_view id) const;
  // Every procedure, ordered by id.
  const std::vector<Procedure>& all() const { return procedures_; }
  const Directory& directory() const { return directory_; }

  // Only the current version of each definition is kept: an application saved or posted for
  // version `version` of `id` is current, outdated (the definition changed since: re-validate
  // against the current form, or ask the citizen to review), or refers to nothing known.
  enum class VersionStatus { current, outdated, unknown_procedure, unknown_version };
  VersionStatus check_version(std::string_view id, int version) const;

 private:
  Directory directory_;
  std::vector<Procedure> procedures_;
};

struct CatalogueLoad {
  std::optional<Catalogue> catalogue;  // set only when problems is empty
  std::vector<Problem> problems;       // by file, then line
};

// Loads `dir`: files named *.yaml (or *.yml), those starting with "_" being the reference lists.
CatalogueLoad load_catalogue(const std::filesystem::path& dir);

// The problems load_catalogue would report (empty when the directory is good).
std::vector<Problem> check_directory(const std::filesystem::path& dir);

}  // namespace madoguchi::procedures
