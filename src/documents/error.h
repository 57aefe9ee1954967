// DocumentError is the one exception documents/ throws for input it refuses or
// an environment it cannot work in; it names the field and carries a Japanese
// and an English message fit to show a person.
#pragma once

#include <stdexcept>
#include <string>

namespace madoguchi::documents {

enum class DocumentErrc {
  invalid_input,     // a model field is empty, too long, not UTF-8, or has control characters
  does_not_fit,      // content cannot be placed (e.g. an address too long for the envelope window)
  font_missing,      // IPAexMincho / IPAexGothic are not installed
  url_too_long,      // the verification URL needs a QR code above version 6
  key_error,         // the signing key directory or key file cannot be used
  malformed_record,  // a stored signed record cannot be parsed
  render_failed,     // cairo or pango reported an error
};

class DocumentError : public std::runtime_error {
 public:
  DocumentError(DocumentErrc code, std::string field, std::string message_ja, std::string message_en);

  DocumentErrc code() const noexcept { return code_; }
  // The model field at fault ("reference", "recipient.name", …), empty if none.
  const std::string& field() const noexcept { return field_; }
  const std::string& message_ja() const noexcept { return message_ja_; }
  const std::string& message_en() const noexcept { return message_en_; }

 private:
  DocumentErrc code_;
  std::string field_;
  std::string message_ja_;
  std::string message_en_;
};

}  // namespace madoguchi::documents
