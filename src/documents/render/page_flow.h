// PageFlow lays blocks out top to bottom inside a page's content frame and
// opens a new page when a block does not fit. It records paint operations per
// page instead of painting, so footers can say "page x / y" once the count is
// known. place_text and place_columns split tall content between lines; short
// blocks move whole to the next page rather than split.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "documents/render/text_block.h"

namespace madoguchi::documents::render {

using PaintOp = std::function<void(cairo_t*)>;
using Page = std::vector<PaintOp>;

struct Frame {
  double x = 0, y = 0, width = 0, height = 0;
  double bottom() const { return y + height; }
};

class PageFlow {
 public:
  PageFlow(Frame first_page, Frame later_pages);

  const Frame& frame() const { return pages_.size() == 1 ? first_ : later_; }
  double y() const { return y_; }
  double remaining() const { return frame().bottom() - y_; }
  bool at_top() const { return !placed_; }
  std::size_t page_count() const { return pages_.size(); }

  // Opens a new page, then runs the page opener if one is set.
  void new_page();
  // Runs on every page opened until cleared (e.g. a table's "continued" caption).
  void set_page_opener(std::function<void(PageFlow&)> opener) { opener_ = std::move(opener); }
  // Starts a new page unless `height` fits here or nothing is on this page yet.
  void keep(double height);
  void advance(double dy) { y_ += dy; }
  // Records an operation on the current page and marks the page as used.
  void paint(PaintOp op);

  std::vector<Page> take_pages() { return std::move(pages_); }

 private:
  Frame first_;
  Frame later_;
  std::vector<Page> pages_;
  double y_;
  bool placed_ = false;
  std::function<void(PageFlow&)> opener_;
};

using Block = std::shared_ptr<const TextBlock>;

// Places a paragraph at frame x + dx and advances past it.
void place_text(PageFlow& flow, const Block& block, double dx = 0);

// One column of a multi-column band (e.g. a table row): its text and where it sits.
struct Column {
  Block text;
  double dx;  // text left from the frame's left
};

// Draws the decoration (borders, fills) of one slice of a band, given the
// slice's top and height on its page.
using BandDecoration = std::function<void(cairo_t*, double top, double height)>;

// Places side-by-side columns as one band with `padding` above and below the
// text, splitting between lines across pages when the band is taller than a
// quarter of a page; each slice is decorated (borders, fills) before its text.
void place_columns(PageFlow& flow, const std::vector<Column>& columns, double padding,
                   const BandDecoration& decorate);

}  // namespace madoguchi::documents::render
