#include "applications/answer_paths.h"

#include <vector>

namespace madoguchi::applications {

namespace {

std::vector<std::string> split(std::string_view path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    auto dot = path.find('.', start);
    parts.emplace_back(path.substr(start, dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

void walk(nlohmann::json& node, const std::vector<std::string>& parts, size_t i, const std::string& prefix,
          const std::function<void(nlohmann::json&, const std::string&)>& visit) {
  if (!node.is_object()) return;
  std::string part = parts[i];
  bool repeating = part.size() > 2 && part.compare(part.size() - 2, 2, "[]") == 0;
  if (repeating) part.resize(part.size() - 2);
  auto it = node.find(part);
  if (it == node.end()) return;
  std::string path = prefix.empty() ? part : prefix + "." + part;
  if (repeating) {
    if (!it->is_array()) return;
    for (size_t k = 0; k < it->size(); ++k) {
      std::string item_path = path + "[" + std::to_string(k) + "]";
      if (i + 1 == parts.size()) {
        visit((*it)[k], item_path);
      } else {
        walk((*it)[k], parts, i + 1, item_path, visit);
      }
    }
    return;
  }
  if (i + 1 == parts.size()) {
    visit(*it, path);
  } else {
    walk(*it, parts, i + 1, path, visit);
  }
}

}  // namespace

std::optional<std::string> string_at(const nlohmann::json& answers, std::string_view dotted_path) {
  if (dotted_path.empty()) return std::nullopt;
  const nlohmann::json* node = &answers;
  for (const auto& part : split(dotted_path)) {
    if (!node->is_object()) return std::nullopt;
    auto it = node->find(part);
    if (it == node->end()) return std::nullopt;
    node = &*it;
  }
  if (!node->is_string()) return std::nullopt;
  return node->get<std::string>();
}

void for_each_value(nlohmann::json& answers, std::string_view pattern,
                    const std::function<void(nlohmann::json& value, const std::string& path)>& visit) {
  if (pattern.empty()) return;
  walk(answers, split(pattern), 0, "", visit);
}

}  // namespace madoguchi::applications
