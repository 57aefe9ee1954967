#include "platform/config_source.h"

#include <algorithm>

extern char** environ;

namespace madoguchi::platform {

namespace {

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos && entry.rfind("MADOGUCHI_", 0) == 0) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return env;
}

void collect_leaves(const YAML::Node& node, const std::string& prefix, std::vector<std::pair<std::string, int>>& out) {
  if (node.IsMap()) {
    for (const auto& item : node) {
      std::string key = item.first.as<std::string>();
      collect_leaves(item.second, prefix.empty() ? key : prefix + "." + key, out);
    }
  } else {
    out.emplace_back(prefix, node.Mark().line + 1);
  }
}

}  // namespace

ConfigSource ConfigSource::load(const std::optional<std::filesystem::path>& file) {
  ConfigSource source;
  source.environment_ = process_environment();
  if (file) {
    source.file_ = file->string();
    try {
      source.root_ = YAML::LoadFile(file->string());
    } catch (const YAML::Exception& e) {
      throw ConfigError(file->string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
    }
    if (!source.root_.IsNull() && !source.root_.IsMap()) throw ConfigError(file->string() + ": expected a mapping");
  }
  return source;
}

ConfigSource ConfigSource::from(const std::string& yaml_text, std::map<std::string, std::string> environment) {
  ConfigSource source;
  source.file_ = "(inline)";
  source.root_ = YAML::Load(yaml_text);
  source.environment_ = std::move(environment);
  return source;
}

std::string ConfigSource::env_name(const std::string& key) {
  std::string name = "MADOGUCHI_";
  for (char c : key) name.push_back(c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return name;
}

std::optional<std::string> ConfigSource::raw(const std::string& key, std::string& origin) {
  read_.insert(key);
  std::string env = env_name(key);
  if (auto it = environment_.find(env); it != environment_.end()) {
    origin = env;
    return it->second;
  }
  // yaml-cpp nodes have reference semantics: rebind with reset(), never '='.
  YAML::Node node;
  node.reset(root_);
  size_t start = 0;
  while (true) {
    if (!node.IsMap()) return std::nullopt;
    auto dot = key.find('.', start);
    const YAML::Node& parent = node;
    YAML::Node child = parent[key.substr(start, dot - start)];
    if (!child) return std::nullopt;
    node.reset(child);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  if (!node || node.IsNull() || node.IsMap()) return std::nullopt;
  origin = file_ + ":" + std::to_string(node.Mark().line + 1) + " (" + key + ")";
  if (!node.IsScalar()) throw ConfigError(origin + ": expected a single value");
  return node.Scalar();
}

std::string ConfigSource::get_string(const std::string& key, const std::string& fallback) {
  std::string origin;
  auto value = raw(key, origin);
  return value ? *value : fallback;
}

int64_t ConfigSource::get_int(const std::string& key, int64_t fallback, int64_t min, int64_t max) {
  std::string origin;
  auto value = raw(key, origin);
  if (!value) return fallback;
  size_t used = 0;
  int64_t n = 0;
  try {
    n = std::stoll(*value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value->size()) throw ConfigError(origin + ": '" + *value + "' is not a whole number");
  if (n < min || n > max) {
    throw ConfigError(origin + ": " + *value + " is out of range " + std::to_string(min) + ".." + std::to_string(max));
  }
  return n;
}

bool ConfigSource::get_bool(const std::string& key, bool fallback) {
  std::string origin;
  auto value = raw(key, origin);
  if (!value) return fallback;
  if (*value == "true" || *value == "yes" || *value == "1" || *value == "on") return true;
  if (*value == "false" || *value == "no" || *value == "0" || *value == "off") return false;
  throw ConfigError(origin + ": '" + *value + "' is not true or false");
}

void ConfigSource::reject_unknown_keys() const {
  std::vector<std::pair<std::string, int>> leaves;
  collect_leaves(root_, "", leaves);
  std::string problems;
  for (const auto& [key, line] : leaves) {
    if (!key.empty() && !read_.count(key)) problems += "\n" + file_ + ":" + std::to_string(line) + ": unknown setting " + key;
  }
  if (!problems.empty()) throw ConfigError("configuration has unknown settings:" + problems);
}

std::string ConfigSource::describe() const { return file_.empty() ? "defaults and environment" : file_; }

}  // namespace madoguchi::platform
