// FieldError is one problem with one answer: the path of the answer ("children[1].birth_date",
// "" for the whole document), a stable snake_case code for programs, and a message for people
// in Japanese, English and やさしい日本語 that names the field and says what to fix.
#pragma once

#include <string>

#include "forms/localized_text.h"

namespace madoguchi::forms {

struct FieldError {
  std::string path;
  std::string code;
  LocalizedText message;
};

}  // namespace madoguchi::forms
