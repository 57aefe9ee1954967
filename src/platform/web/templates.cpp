#include "platform/web/templates.h"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include <mstch/mstch.hpp>

namespace madoguchi::platform::web {

namespace {

mstch::node to_node(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mstch::map map;
      for (const auto& [key, item] : value.items()) map.emplace(key, to_node(item));
      return map;
    }
    case nlohmann::json::value_t::array: {
      mstch::array array;
      for (const auto& item : value) array.push_back(to_node(item));
      return array;
    }
    case nlohmann::json::value_t::string:
      return value.get<std::string>();
    case nlohmann::json::value_t::boolean:
      return value.get<bool>();
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return std::to_string(value.get<long long>());
    case nlohmann::json::value_t::number_float: {
      std::ostringstream out;
      out << value.get<double>();
      return out.str();
    }
    default:
      return std::string();
  }
}

}  // namespace

TemplateEngine::TemplateEngine(const std::filesystem::path& directory) {
  if (!std::filesystem::is_directory(directory)) {
    throw std::runtime_error("template directory not found: " + directory.string());
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    if (!in) throw std::runtime_error("cannot read template " + entry.path().string());
    std::stringstream text;
    text << in.rdbuf();
    auto name = std::filesystem::relative(entry.path(), directory).replace_extension().generic_string();
    templates_[name] = text.str();
  }
  // The partials each template reaches, directly or through other partials.
  static const std::regex partial_tag(R"(\{\{>\s*([^}\s]+)\s*\}\})");
  for (const auto& [name, body] : templates_) {
    auto& reached = partials_[name];
    std::vector<const std::string*> pending = {&body};
    while (!pending.empty()) {
      const std::string& text = *pending.back();
      pending.pop_back();
      for (std::sregex_iterator it(text.begin(), text.end(), partial_tag), end; it != end; ++it) {
        auto found = templates_.find((*it)[1].str());
        if (found != templates_.end() && reached.emplace(found->first, found->second).second) {
          pending.push_back(&found->second);
        }
      }
    }
  }
}

std::string TemplateEngine::render(const std::string& name, const nlohmann::json& context) const {
  const std::string& body = templates_.at(name);
  auto node = to_node(context);
  auto* map = boost::get<mstch::map>(&node);
  return mstch::render(body, map ? *map : mstch::map{}, partials_.at(name));
}

}  // namespace madoguchi::platform::web
