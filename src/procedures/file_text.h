// Reading a definition file whole, reporting a missing or unreadable file as a problem of that
// file (line 0) instead of throwing. Files over 1 MB are refused: a definition is never that big.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "forms/yaml_reader.h"

namespace madoguchi::procedures {

inline constexpr std::size_t kMaxDefinitionBytes = 1024 * 1024;

std::optional<std::string> read_file_text(const std::filesystem::path& path,
                                          std::vector<forms::SpecProblem>& problems);

}  // namespace madoguchi::procedures
