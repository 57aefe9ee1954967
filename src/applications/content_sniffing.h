// Content sniffing for uploads: the media type is decided from the file's
// first bytes, never from what the client claims. A file whose name
// extension or declared type disagrees with its content is refused.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::applications {

struct SniffedType {
  std::string media_type;  // e.g. "application/pdf"
  std::string extension;   // canonical, e.g. ".pdf"
};

// The type of the content, if it is one we accept (PDF, PNG, JPEG, HEIC).
std::optional<SniffedType> sniff_content(std::string_view data);
// True if the file name's extension names this media type (.jpg/.jpeg both JPEG).
bool extension_matches(std::string_view filename, std::string_view media_type);

}  // namespace madoguchi::applications
