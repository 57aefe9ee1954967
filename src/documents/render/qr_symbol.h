// QrSymbol encodes a short URL as a QR code (libqrencode, error correction M,
// byte mode) and draws it as filled vector rectangles with the 4-module quiet
// zone the standard requires. URLs needing a version above 6 are refused with
// DocumentError(url_too_long): small codes scan reliably from paper.
#pragma once

#include <string_view>
#include <vector>

#include <cairo.h>

namespace madoguchi::documents::render {

inline constexpr int max_qr_version = 6;
inline constexpr int qr_quiet_zone = 4;  // modules

class QrSymbol {
 public:
  static QrSymbol encode(std::string_view text);

  int version() const { return version_; }
  int modules() const { return width_; }  // per side, without the quiet zone
  bool dark(int x, int y) const { return cells_[static_cast<std::size_t>(y * width_ + x)]; }
  // Side length including the quiet zone.
  double side(double module_size) const { return (width_ + 2 * qr_quiet_zone) * module_size; }
  // Paints the quiet zone white and the dark modules black; (x, y) is the quiet zone's top-left.
  void draw(cairo_t* cr, double x, double y, double module_size) const;

 private:
  QrSymbol(int version, int width, std::vector<bool> cells)
      : version_(version), width_(width), cells_(std::move(cells)) {}

  int version_;
  int width_;
  std::vector<bool> cells_;
};

}  // namespace madoguchi::documents::render
