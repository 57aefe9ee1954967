// TextBlock is one paragraph shaped by pango at a fixed width (Japanese line
// breaking, kinsoku and Latin word wrap are pango's), with the geometry of each
// line so a page flow can split it between lines. Units are PDF points.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "documents/render/font_set.h"
#include "documents/render/glyph_check.h"
#include "documents/render/handles.h"

namespace madoguchi::documents::render {

struct Colour {
  double r = 0, g = 0, b = 0;
};

inline void set_colour(cairo_t* cr, const Colour& colour) { cairo_set_source_rgb(cr, colour.r, colour.g, colour.b); }

enum class Align { left, center, right };

struct TextStyle {
  Face face = Face::mincho;
  double size = 10.5;          // points
  double line_spacing = 1.45;  // baseline distance as a multiple of the font's line height
  Align align = Align::left;
  bool justify = false;
  double indent = 0;           // first-line indent, points
  double letter_spacing = 0;   // points
  Colour colour{};
};

struct LineBox {
  double top;       // from the top of the block
  double bottom;
  double baseline;
  double origin_x;  // the line's origin from the block's left (alignment and indent included)
};

class TextBlock {
 public:
  TextBlock(const FontSet& fonts, GlyphCheck& glyphs, std::string_view text, const TextStyle& style,
            double width);

  double height() const { return lines_.empty() ? 0 : lines_.back().bottom; }
  double width() const { return width_; }
  // Width of the widest line, for shrink-wrapped boxes.
  double natural_width() const { return natural_width_; }
  std::size_t line_count() const { return lines_.size(); }
  const LineBox& line(std::size_t index) const { return lines_[index]; }

  // Draws lines [first, end) with the block's top-left at (x, y).
  void draw_lines(cairo_t* cr, double x, double y, std::size_t first, std::size_t end) const;
  void draw(cairo_t* cr, double x, double y) const { draw_lines(cr, x, y, 0, lines_.size()); }

 private:
  LayoutRef layout_;
  Colour colour_;
  double width_;
  double natural_width_ = 0;
  std::vector<LineBox> lines_;
};

}  // namespace madoguchi::documents::render
