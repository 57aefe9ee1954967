// Composer builds the flowing body of a document from house-style pieces
// (paragraphs, headings, label/value tables, numbered steps, the note on
// missing characters, the contact box) on top of a PageFlow, and paints the
// finished pages with a footer ("left text · page x / y · right text").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "documents/content.h"
#include "documents/render/glyph_check.h"
#include "documents/render/page_flow.h"
#include "documents/render/pdf_writer.h"

namespace madoguchi::documents::render {

class Composer {
 public:
  Composer(Frame first_page, Frame later_pages);

  FontSet& fonts() { return fonts_; }
  GlyphCheck& glyphs() { return glyphs_; }
  PageFlow& flow() { return flow_; }
  double width() const { return width_; }

  Block block(std::string_view text, const TextStyle& style, double width);
  void gap(double points) { flow_.advance(points); }
  void paragraph(std::string_view text, const TextStyle& style);
  // A heading is kept on the same page as at least `keep_after` points of what follows it.
  void heading(std::string_view text, double keep_after = 60);
  void subheading(std::string_view text, double keep_after = 50);
  // Rows that continue on a new page are preceded there by "<caption>（続き）" when a caption is given.
  void table(const std::vector<Row>& rows, double label_width, std::string_view caption = {});
  void numbered(const std::vector<std::string>& items);
  // Explains each 〓 printed so far (a character the fonts lack), if there was one.
  void missing_character_note();
  void contact_box(const Office& office);

 private:
  FontSet& fonts_;
  GlyphCheck glyphs_;
  PageFlow flow_;
  double width_;
};

struct Footer {
  std::string left;
  std::string right;
};

// Paints `pages` with the footer on each and returns the PDF bytes.
std::string paint_document(const PdfInfo& info, const std::vector<Page>& pages, const Footer& footer,
                           Composer& composer);

// Paints `pages` into an open writer (a mail batch holds several documents).
void paint_pages(PdfWriter& writer, const std::vector<Page>& pages, const Footer& footer, Composer& composer);

}  // namespace madoguchi::documents::render
