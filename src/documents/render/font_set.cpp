#include "documents/render/font_set.h"

#include <memory>

#include "documents/error.h"

namespace madoguchi::documents::render {
namespace {

constexpr const char* mincho_family = "IPAexMincho";
constexpr const char* gothic_family = "IPAexGothic";

}  // namespace

const char* family_name(Face face) { return face == Face::mincho ? mincho_family : gothic_family; }

FontSet& FontSet::for_this_thread() {
  thread_local std::unique_ptr<FontSet> fonts;
  if (!fonts) fonts.reset(new FontSet());
  return *fonts;
}

FontSet::FontSet() : map_(pango_cairo_font_map_new()) {
  if (!map_) {
    throw DocumentError(DocumentErrc::render_failed, "", "フォントの準備に失敗しました",
                        "could not create a font map");
  }
  context_.reset(pango_font_map_create_context(map_.get()));
  pango_cairo_context_set_resolution(context_.get(), 72.0);
  FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_.get(), options.get());
  pango_context_set_round_glyph_positions(context_.get(), FALSE);
  PangoLanguage* japanese = pango_language_from_string("ja");
  pango_context_set_language(context_.get(), japanese);
  mincho_ = load(mincho_family, "IPAex明朝", "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf");
  gothic_ = load(gothic_family, "IPAexゴシック", "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf");
}

PangoFontPtr FontSet::load(const char* family, const char* name_ja, const char* file_hint) {
  FontDescriptionPtr desc(pango_font_description_new());
  pango_font_description_set_family(desc.get(), family);
  pango_font_description_set_size(desc.get(), 10 * PANGO_SCALE);
  PangoFontPtr font(pango_font_map_load_font(map_.get(), context_.get(), desc.get()));
  std::string found;
  if (font) {
    FontDescriptionPtr actual(pango_font_describe(font.get()));
    const char* actual_family = pango_font_description_get_family(actual.get());
    found = actual_family ? actual_family : "";
  }
  if (found != family) {
    throw DocumentError(
        DocumentErrc::font_missing, "",
        std::string("書体「") + name_ja + "」が見つかりません（Debian パッケージ fonts-ipaexfont を入れてください。" +
            file_hint + "）",
        std::string("font ") + family + " is not installed (install the Debian package fonts-ipaexfont, " +
            file_hint + ")" + (found.empty() ? "" : "; fontconfig offered " + found));
  }
  return font;
}

FontDescriptionPtr FontSet::description(Face face, double size_pt) const {
  FontDescriptionPtr desc(pango_font_description_new());
  pango_font_description_set_family_static(desc.get(), family_name(face));
  pango_font_description_set_size(desc.get(), static_cast<gint>(size_pt * PANGO_SCALE));
  return desc;
}

bool FontSet::has_glyph(Face face, char32_t code_point) const {
  PangoFont* font = face == Face::mincho ? mincho_.get() : gothic_.get();
  return pango_font_has_char(font, static_cast<gunichar>(code_point));
}

}  // namespace madoguchi::documents::render
