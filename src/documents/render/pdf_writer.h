// PdfWriter paints pages into an A4 PDF held in memory (cairo's stream
// surface; nothing touches the file system) and returns its bytes. Pages are
// painted in order; a page is finished by next_page() or finish().
#pragma once

#include <string>

#include "documents/render/handles.h"
#include "documents/render/page_flow.h"

namespace madoguchi::documents::render {

inline constexpr double points_per_mm = 72.0 / 25.4;
constexpr double mm(double millimetres) { return millimetres * points_per_mm; }
inline constexpr double a4_width = 595.2756;   // 210 mm
inline constexpr double a4_height = 841.8898;  // 297 mm

struct PdfInfo {
  std::string title;
  std::string author;
  std::string subject;
  std::string created;  // ISO 8601, e.g. "2026-11-22T14:05:00+09:00"; empty for cairo's default
};

class PdfWriter {
 public:
  explicit PdfWriter(const PdfInfo& info);
  PdfWriter(const PdfWriter&) = delete;
  PdfWriter& operator=(const PdfWriter&) = delete;

  cairo_t* cr() const { return cr_.get(); }
  // Runs the page's operations, then finishes the page.
  void paint_page(const Page& page);
  // Finishes the document and returns the PDF; throws DocumentError(render_failed) on a cairo error.
  std::string finish();

 private:
  static cairo_status_t append(void* closure, const unsigned char* data, unsigned int length);

  std::string bytes_;
  SurfacePtr surface_;
  CairoPtr cr_;
};

}  // namespace madoguchi::documents::render
