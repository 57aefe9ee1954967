// Parsed<T> holds either a value or an Error explaining why there is none; every jp function
// that can refuse its input returns one instead of throwing. An Error carries a stable snake_case
// code for programs and a message in Japanese and in English naming exactly what is wrong.
#pragma once

#include <cstdlib>
#include <string>
#include <utility>
#include <variant>

namespace madoguchi::jp {

struct Error {
  std::string code;        // stable, snake_case, e.g. "day_out_of_range"
  std::string message_ja;  // for people, Japanese first
  std::string message_en;
};

inline Error make_error(std::string code, std::string message_ja, std::string message_en) {
  return Error{std::move(code), std::move(message_ja), std::move(message_en)};
}

template <class T>
class [[nodiscard]] Parsed {
 public:
  Parsed(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Parsed(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  // value() requires ok() and error() requires !ok(); breaking that is a programming error and
  // aborts the process rather than returning garbage. On a temporary, value() moves the value
  // out, so `for (auto& x : f().value())` does not dangle.
  const T& value() const& { require(true); return *std::get_if<0>(&state_); }
  T& value() & { require(true); return *std::get_if<0>(&state_); }
  T value() && { require(true); return std::move(*std::get_if<0>(&state_)); }
  const Error& error() const { require(false); return *std::get_if<1>(&state_); }

  T value_or(T fallback) const& { return ok() ? *std::get_if<0>(&state_) : std::move(fallback); }

 private:
  void require(bool want_value) const {
    if (ok() != want_value) std::abort();
  }
  std::variant<T, Error> state_;
};

}  // namespace madoguchi::jp
