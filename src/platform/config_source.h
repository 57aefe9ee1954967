// ConfigSource: settings read from an optional YAML file, each overridable by
// an environment variable named MADOGUCHI_ plus the dotted key in upper case
// with '_' for '.' (server.port -> MADOGUCHI_SERVER_PORT). Reading a key
// marks it known; keys in the file that nobody reads are reported as typos.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace madoguchi::platform {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ConfigSource {
 public:
  // Throws ConfigError if the file is given but unreadable or not YAML.
  static ConfigSource load(const std::optional<std::filesystem::path>& file);
  // For tests: explicit environment instead of the process's.
  static ConfigSource from(const std::string& yaml_text, std::map<std::string, std::string> environment);

  std::string get_string(const std::string& key, const std::string& fallback);
  int64_t get_int(const std::string& key, int64_t fallback, int64_t min, int64_t max);
  bool get_bool(const std::string& key, bool fallback);
  // Throws ConfigError naming every key in the file that was never read.
  void reject_unknown_keys() const;
  std::string describe() const;  // where settings came from, for logs

 private:
  std::optional<std::string> raw(const std::string& key, std::string& origin);
  static std::string env_name(const std::string& key);

  YAML::Node root_;
  std::string file_;
  std::map<std::string, std::string> environment_;
  std::set<std::string> read_;
};

}  // namespace madoguchi::platform
