#include "documents/render/qr_symbol.h"

#include <cerrno>
#include <string>

#include "documents/error.h"
#include "documents/render/handles.h"

namespace madoguchi::documents::render {
namespace {

[[noreturn]] void too_long(std::size_t bytes) {
  throw DocumentError(DocumentErrc::url_too_long, "verification_url",
                      "確認用 URL が長すぎて QR コードにできません（" + std::to_string(bytes) +
                          " バイト。QR バージョン 6 までに収まる長さにしてください）",
                      "the verification URL is too long for a QR code of version 6 or less (" +
                          std::to_string(bytes) + " bytes)");
}

}  // namespace

QrSymbol QrSymbol::encode(std::string_view text) {
  const std::string terminated(text);
  errno = 0;
  QrCodePtr code(QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!code) {
    if (errno == ERANGE) too_long(text.size());
    throw DocumentError(DocumentErrc::render_failed, "verification_url", "QR コードを作成できませんでした",
                        "could not encode the QR code");
  }
  if (code->version > max_qr_version) too_long(text.size());
  std::vector<bool> cells(static_cast<std::size_t>(code->width * code->width));
  for (std::size_t i = 0; i < cells.size(); ++i) cells[i] = (code->data[i] & 1) != 0;
  return QrSymbol(code->version, code->width, std::move(cells));
}

void QrSymbol::draw(cairo_t* cr, double x, double y, double module_size) const {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, side(module_size), side(module_size));
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  const double origin_x = x + qr_quiet_zone * module_size;
  const double origin_y = y + qr_quiet_zone * module_size;
  // One rectangle per horizontal run of dark modules, all filled as one path so
  // neighbouring modules leave no hairline seams when rasterised.
  for (int row = 0; row < width_; ++row) {
    for (int col = 0; col < width_;) {
      if (!dark(col, row)) {
        ++col;
        continue;
      }
      const int start = col;
      while (col < width_ && dark(col, row)) ++col;
      cairo_rectangle(cr, origin_x + start * module_size, origin_y + row * module_size,
                      (col - start) * module_size, module_size);
    }
  }
  cairo_fill(cr);
  cairo_restore(cr);
}

}  // namespace madoguchi::documents::render
