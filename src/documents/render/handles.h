// Owning smart pointers for the C objects the renderer uses (cairo, pango,
// GObject, libqrencode): each releases its object exactly once when it goes out
// of scope, so no code path in documents/ frees one by hand.
#pragma once

#include <memory>

#include <cairo.h>
#include <glib-object.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

namespace madoguchi::documents::render {

struct CairoDestroy {
  void operator()(cairo_t* cr) const noexcept { cairo_destroy(cr); }
};
struct CairoSurfaceDestroy {
  void operator()(cairo_surface_t* surface) const noexcept { cairo_surface_destroy(surface); }
};
struct GObjectUnref {
  void operator()(gpointer object) const noexcept { g_object_unref(object); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* desc) const noexcept { pango_font_description_free(desc); }
};
struct QrCodeFree {
  void operator()(QRcode* code) const noexcept { QRcode_free(code); }
};
struct CairoFontOptionsDestroy {
  void operator()(cairo_font_options_t* options) const noexcept { cairo_font_options_destroy(options); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDestroy>;
using FontMapPtr = std::unique_ptr<PangoFontMap, GObjectUnref>;
using PangoContextPtr = std::unique_ptr<PangoContext, GObjectUnref>;
using PangoFontPtr = std::unique_ptr<PangoFont, GObjectUnref>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;
using QrCodePtr = std::unique_ptr<QRcode, QrCodeFree>;
using FontOptionsPtr = std::unique_ptr<cairo_font_options_t, CairoFontOptionsDestroy>;

// A PangoLayout shared between the page that measured it and the page that
// draws it (layout happens once; painting may come later).
using LayoutRef = std::shared_ptr<PangoLayout>;
inline LayoutRef adopt_layout(PangoLayout* layout) { return LayoutRef(layout, GObjectUnref{}); }

}  // namespace madoguchi::documents::render
