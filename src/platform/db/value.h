// Values that cross the database boundary, the same for every driver: a
// bound parameter (Param, converted from the usual C++ types) and a result
// row read by position (Row: text, integer, real, blob, or NULL).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace madoguchi::platform::db {

using Blob = std::vector<uint8_t>;
using Value = std::variant<std::nullptr_t, int64_t, double, std::string, Blob>;

// A bound parameter; converts from the usual C++ types.
struct Param {
  Value value;
  Param(std::nullptr_t) : value(nullptr) {}
  Param(int v) : value(static_cast<int64_t>(v)) {}
  Param(long v) : value(static_cast<int64_t>(v)) {}
  Param(long long v) : value(static_cast<int64_t>(v)) {}
  Param(unsigned v) : value(static_cast<int64_t>(v)) {}
  Param(unsigned long v) : value(static_cast<int64_t>(v)) {}
  Param(bool v) : value(static_cast<int64_t>(v ? 1 : 0)) {}
  Param(double v) : value(v) {}
  Param(const char* v) : value(std::string(v)) {}
  Param(std::string v) : value(std::move(v)) {}
  Param(std::string_view v) : value(std::string(v)) {}
  Param(Blob v) : value(std::move(v)) {}
  explicit Param(Value v) : value(std::move(v)) {}
  template <class T>
  Param(const std::optional<T>& v) : value(nullptr) {
    if (v) value = Param(*v).value;
  }
};
using Params = std::vector<Param>;

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool is_null(size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  const Value& value(size_t i) const { return values_.at(i); }
  // Typed access; a NULL reads as "" / 0. Throws DbError on a type mismatch.
  std::string text(size_t i) const;
  int64_t integer(size_t i) const;
  double real(size_t i) const;
  Blob blob(size_t i) const;
  std::optional<std::string> optional_text(size_t i) const;
  std::optional<int64_t> optional_integer(size_t i) const;

 private:
  std::vector<Value> values_;
};

}  // namespace madoguchi::platform::db
