#include "applications/content_sniffing.h"

#include <algorithm>
#include <vector>

namespace madoguchi::applications {

namespace {

struct Known {
  std::string media_type;
  std::vector<std::string> extensions;
};

const std::vector<Known>& known_types() {
  static const std::vector<Known> types = {
      {"application/pdf", {".pdf"}},
      {"image/png", {".png"}},
      {"image/jpeg", {".jpg", ".jpeg"}},
      {"image/heic", {".heic", ".heif"}},
  };
  return types;
}

bool starts_with(std::string_view data, std::string_view magic) { return data.substr(0, magic.size()) == magic; }

}  // namespace

std::optional<SniffedType> sniff_content(std::string_view data) {
  if (starts_with(data, "%PDF-")) return SniffedType{"application/pdf", ".pdf"};
  if (starts_with(data, "\x89PNG\r\n\x1a\n")) return SniffedType{"image/png", ".png"};
  if (starts_with(data, "\xFF\xD8\xFF")) return SniffedType{"image/jpeg", ".jpg"};
  // ISO BMFF: size(4) "ftyp" brand(4); HEIF brands from the iPhone camera.
  if (data.size() >= 12 && data.substr(4, 4) == "ftyp") {
    auto brand = data.substr(8, 4);
    for (std::string_view b : {"heic", "heix", "mif1", "msf1", "heim", "heis"}) {
      if (brand == b) return SniffedType{"image/heic", ".heic"};
    }
  }
  return std::nullopt;
}

bool extension_matches(std::string_view filename, std::string_view media_type) {
  auto dot = filename.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext(filename.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& known : known_types()) {
    if (known.media_type != media_type) continue;
    return std::find(known.extensions.begin(), known.extensions.end(), ext) != known.extensions.end();
  }
  return false;
}

}  // namespace madoguchi::applications
