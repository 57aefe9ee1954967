#include "documents/error.h"

#include <utility>

namespace madoguchi::documents {
namespace {

std::string compose(const std::string& field, const std::string& ja, const std::string& en) {
  std::string text = field.empty() ? std::string() : field + ": ";
  return text + ja + " / " + en;
}

}  // namespace

DocumentError::DocumentError(DocumentErrc code, std::string field, std::string message_ja,
                             std::string message_en)
    : std::runtime_error(compose(field, message_ja, message_en)),
      code_(code),
      field_(std::move(field)),
      message_ja_(std::move(message_ja)),
      message_en_(std::move(message_en)) {}

}  // namespace madoguchi::documents
