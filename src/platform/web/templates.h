// Templates: mustache files under web/templates, loaded once at start and
// rendered with an nlohmann::json context ({{x}} escapes HTML, {{{x}}} does
// not and is only for markup we wrote). Every template is also a partial,
// named by its path without the extension: {{> applications/summary}}. A
// render hands mstch only the partials that template can reach (mstch parses
// every partial it is given on every render).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace madoguchi::platform::web {

class TemplateEngine {
 public:
  // Throws std::runtime_error if the directory is missing or a file unreadable.
  explicit TemplateEngine(const std::filesystem::path& directory);

  bool has(const std::string& name) const { return templates_.count(name) > 0; }
  // Throws std::out_of_range for an unknown template name.
  std::string render(const std::string& name, const nlohmann::json& context) const;

 private:
  std::map<std::string, std::string> templates_;
  std::map<std::string, std::map<std::string, std::string>> partials_;  // per template: those it reaches
};

}  // namespace madoguchi::platform::web
