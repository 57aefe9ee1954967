// Scratch folders for one test process: each lives under one temporary root
// (madoguchi-scratch-XXXXXX) that is removed when the process exits, so a
// test never leaves files behind in the temporary directory.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace madoguchi::testing {

class ScratchRoot {
 public:
  ScratchRoot() {
    std::string pattern = (std::filesystem::temp_directory_path() / "madoguchi-scratch-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchRoot() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// A new, empty folder named after `name` (a second call with the same name empties it).
inline std::filesystem::path scratch_dir(const std::string& name) {
  static ScratchRoot root;
  auto dir = root.path() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace madoguchi::testing
