// FieldProblem: why a submitted form field was refused, as a message key in
// the identity catalogue (web/i18n/*/identity.yaml, e.g. "password.too_short")
// with an optional number for "{limit}". The pages and the command line word
// it; the use cases only decide it.
#pragma once

#include <cstddef>
#include <string>

namespace madoguchi::identity {

struct FieldProblem {
  std::string field;  // the form field's name, e.g. "new_password"
  std::string code;   // message key under identity., e.g. "errors.confirmation_mismatch"
  size_t limit = 0;
  friend bool operator==(const FieldProblem&, const FieldProblem&) = default;
};

}  // namespace madoguchi::identity
