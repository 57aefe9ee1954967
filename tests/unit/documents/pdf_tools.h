// Test helpers that look at a PDF the way a person or a machine would, with
// the poppler tools (pdftotext, pdfinfo, pdftoppm) and jsQR under node: its
// text, its page count, the position of each word, and the QR code on a page.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

namespace madoguchi::documents::samples {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "madoguchi-docs-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int status;
  std::string output;
};

inline CommandResult run(const std::string& command) {
  CommandResult result{-1, {}};
  FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  result.status = ::pclose(pipe);
  return result;
}

// Writes a PDF into its own temporary directory for the command-line tools.
class PdfFile {
 public:
  explicit PdfFile(const std::string& bytes) : file_(dir_.path() / "document.pdf") {
    std::ofstream(file_, std::ios::binary) << bytes;
  }
  std::string path() const { return file_.string(); }
  const std::filesystem::path& dir() const { return dir_.path(); }

  // All text, or pages [first, last] (1-based).
  std::string text(int first = 0, int last = 0) const {
    std::string range = first > 0 ? " -f " + std::to_string(first) + " -l " + std::to_string(last) : "";
    return run("pdftotext -enc UTF-8" + range + " '" + path() + "' -").output;
  }

  int pages() const {
    const std::string info = run("pdfinfo '" + path() + "'").output;
    std::smatch match;
    if (!std::regex_search(info, match, std::regex(R"(Pages:\s+(\d+))"))) return -1;
    return std::stoi(match[1]);
  }

  struct Word {
    std::string text;
    double x_min, y_min, x_max, y_max;  // points from the page's top-left
  };

  // The words of one page (1-based) with their boxes, from pdftotext -bbox.
  std::vector<Word> words(int page) const {
    const std::string html =
        run("pdftotext -bbox -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
            path() + "' -")
            .output;
    const std::regex word_pattern(
        R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
    std::vector<Word> words;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), word_pattern); it != std::sregex_iterator(); ++it) {
      const std::smatch& m = *it;
      words.push_back(Word{m[5], std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])});
    }
    return words;
  }

  // The text of the QR code on a page, or "" if none decodes.
  std::string qr_text(int page, int dpi = 150) const {
    const std::string prefix = (dir() / ("page" + std::to_string(page))).string();
    run("pdftoppm -gray -singlefile -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " +
        std::to_string(page) + " '" + path() + "' '" + prefix + "'");
    const CommandResult decoded =
        run("node '" MADOGUCHI_SOURCE_DIR "/tests/unit/documents/decode_qr.mjs' '" + prefix + ".pgm'");
    return decoded.status == 0 ? decoded.output : "";
  }

 private:
  TempDir dir_;
  std::filesystem::path file_;
};

inline int count_of(const std::string& haystack, const std::string& needle) {
  int count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++count;
  return count;
}

}  // namespace madoguchi::documents::samples
