// Headers: an ordered list of HTTP header fields with case-insensitive lookup.
// Values are kept as received; repeated fields (Set-Cookie) stay separate entries.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace madoguchi::platform::http {

bool iequals(std::string_view a, std::string_view b);

class Headers {
 public:
  using Field = std::pair<std::string, std::string>;

  // First value of `name`, if present.
  std::optional<std::string_view> get(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }
  // Replaces every field called `name` with one field.
  void set(std::string_view name, std::string_view value);
  // Appends a field even if one of that name exists (Set-Cookie, Vary).
  void add(std::string_view name, std::string_view value);
  void remove(std::string_view name);

  const std::vector<Field>& fields() const { return fields_; }

 private:
  std::vector<Field> fields_;
};

}  // namespace madoguchi::platform::http
