#include "procedures/file_text.h"

#include <fstream>
#include <iterator>
#include <system_error>

namespace madoguchi::procedures {

std::optional<std::string> read_file_text(const std::filesystem::path& path,
                                          std::vector<forms::SpecProblem>& problems) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    problems.push_back(forms::SpecProblem{0, 0, "ファイルを読めません（" + ec.message() + "）。",
                                          "cannot read the file (" + ec.message() + ")."});
    return std::nullopt;
  }
  if (size > kMaxDefinitionBytes) {
    problems.push_back(forms::SpecProblem{0, 0, "ファイルが大きすぎます（1MBまで）。",
                                          "the file is too large (at most 1 MB)."});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    problems.push_back(forms::SpecProblem{0, 0, "ファイルを開けません。", "cannot open the file."});
    return std::nullopt;
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace madoguchi::procedures
