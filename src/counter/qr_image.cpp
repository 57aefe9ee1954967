#include "counter/qr_image.h"

#include <cairo.h>

#include <memory>
#include <stdexcept>

#include "documents/render/qr_symbol.h"

namespace madoguchi::counter {

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string qr_png(std::string_view text, int module_pixels) {
  auto symbol = documents::render::QrSymbol::encode(text);
  int side = static_cast<int>(symbol.side(module_pixels));
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side), cairo_surface_destroy);
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);
  symbol.draw(cr.get(), 0, 0, module_pixels);
  cairo_surface_flush(surface.get());
  std::string png;
  if (cairo_surface_write_to_png_stream(surface.get(), append, &png) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error("could not write the QR code as PNG");
  }
  return png;
}

}  // namespace madoguchi::counter
