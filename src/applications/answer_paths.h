// Small helpers to reach into answers JSON by the dotted paths procedures use
// ("applicant_name", "spouse.name") and to visit every value of a field
// pattern that passes through repeating groups ("children[].certificate").
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace madoguchi::applications {

// The string at a dotted path, if there is one.
std::optional<std::string> string_at(const nlohmann::json& answers, std::string_view dotted_path);

// Calls visit(value, concrete_path) for every value matching a pattern such as
// "children[].certificate"; concrete paths look like "children[1].certificate".
void for_each_value(nlohmann::json& answers, std::string_view pattern,
                    const std::function<void(nlohmann::json& value, const std::string& path)>& visit);

}  // namespace madoguchi::applications
