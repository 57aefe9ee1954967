#include "documents/render/text_block.h"

#include <algorithm>
#include <string>

namespace madoguchi::documents::render {
namespace {

double points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }
int pango_units(double pts) { return static_cast<int>(pts * PANGO_SCALE); }

PangoAlignment pango_alignment(Align align) {
  switch (align) {
    case Align::center: return PANGO_ALIGN_CENTER;
    case Align::right: return PANGO_ALIGN_RIGHT;
    case Align::left: break;
  }
  return PANGO_ALIGN_LEFT;
}

}  // namespace

TextBlock::TextBlock(const FontSet& fonts, GlyphCheck& glyphs, std::string_view text, const TextStyle& style,
                     double width)
    : layout_(adopt_layout(pango_layout_new(fonts.context()))), colour_(style.colour), width_(width) {
  PangoLayout* layout = layout_.get();
  const FontDescriptionPtr font = fonts.description(style.face, style.size);
  pango_layout_set_font_description(layout, font.get());
  pango_layout_set_width(layout, pango_units(width));
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout, pango_alignment(style.align));
  pango_layout_set_justify(layout, style.justify);
  pango_layout_set_indent(layout, pango_units(style.indent));
  pango_layout_set_line_spacing(layout, static_cast<float>(style.line_spacing));
  if (style.letter_spacing != 0) {
    PangoAttrList* attributes = pango_attr_list_new();
    pango_attr_list_insert(attributes, pango_attr_letter_spacing_new(pango_units(style.letter_spacing)));
    pango_layout_set_attributes(layout, attributes);
    pango_attr_list_unref(attributes);
  }
  const std::string printable = glyphs.printable(text, style.face);
  pango_layout_set_text(layout, printable.data(), static_cast<int>(printable.size()));

  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    int top = 0;
    int bottom = 0;
    pango_layout_iter_get_line_yrange(iter, &top, &bottom);
    PangoRectangle placed;  // in layout coordinates: alignment and indent included
    pango_layout_iter_get_line_extents(iter, nullptr, &placed);
    PangoRectangle own;  // relative to the line's own origin
    pango_layout_line_get_extents(pango_layout_iter_get_line_readonly(iter), nullptr, &own);
    lines_.push_back(LineBox{points(top), points(bottom), points(pango_layout_iter_get_baseline(iter)),
                             points(placed.x - own.x)});
    natural_width_ = std::max(natural_width_, points(placed.width) + (lines_.size() == 1 ? style.indent : 0));
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

void TextBlock::draw_lines(cairo_t* cr, double x, double y, std::size_t first, std::size_t end) const {
  cairo_save(cr);
  set_colour(cr, colour_);
  for (std::size_t i = first; i < end && i < lines_.size(); ++i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout_.get(), static_cast<int>(i));
    cairo_move_to(cr, x + lines_[i].origin_x, y + lines_[i].baseline);
    pango_cairo_show_layout_line(cr, line);
  }
  cairo_restore(cr);
}

}  // namespace madoguchi::documents::render
