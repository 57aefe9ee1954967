// The only two typefaces documents/ prints with, IPAexMincho and IPAexGothic,
// chosen by family name through fontconfig. FontSet::for_this_thread() gives the
// calling thread its own pango font map and layout context (pango objects are
// not shared between threads) and throws DocumentError(font_missing) when either
// family is not installed, rather than letting fontconfig substitute another.
#pragma once

#include <string>

#include "documents/render/handles.h"

namespace madoguchi::documents::render {

enum class Face { mincho, gothic };

class FontSet {
 public:
  static FontSet& for_this_thread();

  // A layout context measuring in PDF points (72 per inch), hinting off.
  PangoContext* context() const { return context_.get(); }
  FontDescriptionPtr description(Face face, double size_pt) const;
  bool has_glyph(Face face, char32_t code_point) const;

  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

 private:
  FontSet();
  PangoFontPtr load(const char* family, const char* name_ja, const char* file_hint);

  FontMapPtr map_;
  PangoContextPtr context_;
  PangoFontPtr mincho_;
  PangoFontPtr gothic_;
};

const char* family_name(Face face);

}  // namespace madoguchi::documents::render
