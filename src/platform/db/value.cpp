#include "platform/db/value.h"

#include "platform/db/db_error.h"

namespace madoguchi::platform::db {

std::string Row::text(size_t i) const {
  const auto& v = values_.at(i);
  if (auto s = std::get_if<std::string>(&v)) return *s;
  if (std::holds_alternative<std::nullptr_t>(v)) return {};
  if (auto n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  throw DbError(DbError::Kind::other, "column " + std::to_string(i) + " is not text");
}

int64_t Row::integer(size_t i) const {
  const auto& v = values_.at(i);
  if (auto n = std::get_if<int64_t>(&v)) return *n;
  if (std::holds_alternative<std::nullptr_t>(v)) return 0;
  if (auto d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  throw DbError(DbError::Kind::other, "column " + std::to_string(i) + " is not an integer");
}

double Row::real(size_t i) const {
  const auto& v = values_.at(i);
  if (auto d = std::get_if<double>(&v)) return *d;
  if (auto n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  if (std::holds_alternative<std::nullptr_t>(v)) return 0;
  throw DbError(DbError::Kind::other, "column " + std::to_string(i) + " is not a number");
}

Blob Row::blob(size_t i) const {
  const auto& v = values_.at(i);
  if (auto b = std::get_if<Blob>(&v)) return *b;
  if (auto s = std::get_if<std::string>(&v)) return Blob(s->begin(), s->end());
  if (std::holds_alternative<std::nullptr_t>(v)) return {};
  throw DbError(DbError::Kind::other, "column " + std::to_string(i) + " is not a blob");
}

std::optional<std::string> Row::optional_text(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<int64_t> Row::optional_integer(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

}  // namespace madoguchi::platform::db
