#include "documents/render/page_flow.h"

#include <algorithm>
#include <limits>

namespace madoguchi::documents::render {

PageFlow::PageFlow(Frame first_page, Frame later_pages)
    : first_(first_page), later_(later_pages), pages_(1), y_(first_page.y) {}

void PageFlow::new_page() {
  pages_.emplace_back();
  y_ = later_.y;
  placed_ = false;
  if (opener_) {
    const auto opener = std::move(opener_);  // an opener that breaks the page must not recurse
    opener(*this);
    opener_ = opener;
    placed_ = false;
  }
}

void PageFlow::keep(double height) {
  if (placed_ && height > remaining()) new_page();
}

void PageFlow::paint(PaintOp op) {
  pages_.back().push_back(std::move(op));
  placed_ = true;
}

namespace {

// A slice of one column: lines [first, end).
struct ColumnSlice {
  std::size_t first;
  std::size_t end;
};

struct Slice {
  std::vector<ColumnSlice> columns;
  double from;     // text offset where this slice starts
  double next;     // text offset where the next slice starts
  double height;   // text height drawn in this slice
  bool complete;   // nothing left after this slice
};

// Chooses the lines of each column that fit in `room` below offset `from`.
// Cuts at the top of the first line (in any column) that does not fit, so a
// line never straddles two pages and columns stay aligned.
Slice cut(const std::vector<Column>& columns, const std::vector<std::size_t>& next_line, double from,
          double room) {
  double cut_at = std::numeric_limits<double>::infinity();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const TextBlock& text = *columns[c].text;
    for (std::size_t i = next_line[c]; i < text.line_count(); ++i) {
      if (text.line(i).bottom - from > room) {
        cut_at = std::min(cut_at, text.line(i).top);
        break;
      }
    }
  }
  Slice slice{{}, from, cut_at, 0, true};
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const TextBlock& text = *columns[c].text;
    std::size_t end = next_line[c];
    while (end < text.line_count() && text.line(end).top < cut_at) {
      slice.height = std::max(slice.height, text.line(end).bottom - from);
      ++end;
    }
    if (end < text.line_count()) slice.complete = false;
    slice.columns.push_back(ColumnSlice{next_line[c], end});
  }
  return slice;
}

double band_height(const std::vector<Column>& columns) {
  double height = 0;
  for (const Column& column : columns) height = std::max(height, column.text->height());
  return height;
}

}  // namespace

void place_columns(PageFlow& flow, const std::vector<Column>& columns, double padding,
                   const BandDecoration& decorate) {
  const double whole = band_height(columns) + 2 * padding;
  if (!flow.at_top() && whole > flow.remaining() && whole <= flow.frame().height / 4) flow.new_page();

  std::vector<std::size_t> next_line(columns.size(), 0);
  double from = 0;
  for (;;) {
    Slice slice = cut(columns, next_line, from, flow.remaining() - 2 * padding);
    const bool nothing_fits = std::all_of(slice.columns.begin(), slice.columns.end(),
                                          [](const ColumnSlice& s) { return s.first == s.end; }) &&
                              !slice.complete;
    if (nothing_fits) {
      if (!flow.at_top()) {
        flow.new_page();
        continue;
      }
      // A single line taller than a whole page: place it anyway rather than loop.
      slice = cut(columns, next_line, from, std::numeric_limits<double>::infinity());
    }
    const double top = flow.y();
    const double height = slice.height + 2 * padding;
    const double x = flow.frame().x;
    flow.paint([columns, slice, top, height, padding, x, decorate](cairo_t* cr) {
      decorate(cr, top, height);
      for (std::size_t c = 0; c < columns.size(); ++c) {
        columns[c].text->draw_lines(cr, x + columns[c].dx, top + padding - slice.from, slice.columns[c].first,
                                    slice.columns[c].end);
      }
    });
    flow.advance(height);
    if (slice.complete) return;
    for (std::size_t c = 0; c < columns.size(); ++c) next_line[c] = slice.columns[c].end;
    from = slice.next;
    flow.new_page();
  }
}

void place_text(PageFlow& flow, const Block& block, double dx) {
  place_columns(flow, {Column{block, dx}}, 0, [](cairo_t*, double, double) {});
}

}  // namespace madoguchi::documents::render
