// LocalizedText holds one piece of text for people in the three languages every screen offers:
// Japanese, English and やさしい日本語 (easy Japanese). Labels always have all three; optional
// texts such as help may be wholly empty.
#pragma once

#include <string>

namespace madoguchi::forms {

struct LocalizedText {
  std::string ja;
  std::string en;
  std::string easy;  // やさしい日本語: short sentences, furigana-friendly words, spaces between phrases

  bool empty() const { return ja.empty() && en.empty() && easy.empty(); }
  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

}  // namespace madoguchi::forms
