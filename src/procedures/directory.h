// The reference lists procedures point into, read from procedures/_departments.yaml and
// procedures/_taxonomy.yaml: departments (担当局区) with their codes, Sendai's five wards and
// branch offices, procedure categories and life events, each named in ja/en/easy. Staff scopes
// and procedure definitions use the codes.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "forms/localized_text.h"
#include "procedures/problem.h"

namespace madoguchi::procedures {

struct Department {
  std::string code;  // snake_case, e.g. "civic_registry"
  forms::LocalizedText name;
};

struct BranchOffice {
  std::string code;  // e.g. "miyagi" (宮城総合支所)
  forms::LocalizedText name;
};

struct Ward {
  std::string code;  // "aoba", "miyagino", "wakabayashi", "taihaku", "izumi"
  forms::LocalizedText name;    // 青葉区 / Aoba Ward / あおばく
  forms::LocalizedText office;  // 青葉区役所 / Aoba Ward Office
  std::vector<BranchOffice> branches;
};

struct Term {
  std::string code;
  forms::LocalizedText name;
};

struct Directory {
  std::string city_ja;  // 仙台市
  std::string city_en;  // Sendai City
  std::vector<Department> departments;
  std::vector<Ward> wards;
  std::vector<Term> categories;
  std::vector<Term> life_events;

  const Department* find_department(std::string_view code) const;
  const Ward* find_ward(std::string_view code) const;
  const Term* find_category(std::string_view code) const;
  const Term* find_life_event(std::string_view code) const;

  // The ward an address in this city lies in ("仙台市青葉区国分町3-7-1" → aoba), by the ward's
  // Japanese name following the city's name or at the start; nothing when no ward matches.
  const Ward* ward_of_address(std::string_view address) const;
};

inline constexpr const char* kDepartmentsFile = "_departments.yaml";
inline constexpr const char* kTaxonomyFile = "_taxonomy.yaml";

// Reads both reference files from `dir`; problems name the file as `dir / file`.
struct DirectoryLoad {
  Directory directory;
  std::vector<Problem> problems;
};
DirectoryLoad load_directory(const std::filesystem::path& dir);

}  // namespace madoguchi::procedures
