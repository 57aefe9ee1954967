#include "documents/render/composer.h"

#include <memory>

#include "documents/render/house_style.h"
#include "jp/unicode.h"

namespace madoguchi::documents::render {
namespace {

constexpr double cell_padding_x = 6;
constexpr double cell_padding_y = 4.5;

}  // namespace

Composer::Composer(Frame first_page, Frame later_pages)
    : fonts_(FontSet::for_this_thread()), glyphs_(fonts_), flow_(first_page, later_pages),
      width_(later_pages.width) {}

Block Composer::block(std::string_view text, const TextStyle& style, double width) {
  return std::make_shared<const TextBlock>(fonts_, glyphs_, text, style, width);
}

void Composer::paragraph(std::string_view text, const TextStyle& style) {
  place_text(flow_, block(text, style, width_));
}

void Composer::heading(std::string_view text, double keep_after) {
  constexpr double bar = 3.5;
  constexpr double indent = 9;
  const Block title = block(text, style::heading, width_ - indent);
  flow_.keep(title->height() + 6 + keep_after);
  const double top = flow_.y();
  const double x = flow_.frame().x;
  const double height = title->height();
  const double line_y = top + height + 2;
  const double width = width_;
  flow_.paint([title, x, top, height, line_y, width](cairo_t* cr) {
    set_colour(cr, style::accent);
    cairo_rectangle(cr, x, top + 1.5, bar, height - 3);
    cairo_fill(cr);
    title->draw(cr, x + indent, top);
    set_colour(cr, style::rule);
    cairo_set_line_width(cr, style::hairline);
    cairo_move_to(cr, x, line_y);
    cairo_line_to(cr, x + width, line_y);
    cairo_stroke(cr);
  });
  flow_.advance(height + 8);
}

void Composer::subheading(std::string_view text, double keep_after) {
  const Block title = block("■ " + std::string(text), style::subheading, width_);
  flow_.keep(title->height() + 3 + keep_after);
  place_text(flow_, title);
  flow_.advance(3);
}

void Composer::table(const std::vector<Row>& rows, double label_width, std::string_view caption) {
  const double value_width = width_ - label_width;
  if (!caption.empty()) {
    const Block continued = block(std::string(caption) + "（続き）", style::subheading, width_);
    flow_.set_page_opener([continued](PageFlow& flow) {
      place_text(flow, continued);
      flow.advance(3);
    });
  }
  for (const Row& row : rows) {
    const Block label = block(row.label, style::table_label, label_width - 2 * cell_padding_x);
    const bool empty = row.value.empty();
    const Block value = block(empty ? std::string_view("（記入なし）") : std::string_view(row.value),
                              empty ? style::table_empty : style::table_value, value_width - 2 * cell_padding_x);
    const double x = flow_.frame().x;
    const double width = width_;
    place_columns(flow_, {Column{label, cell_padding_x}, Column{value, label_width + cell_padding_x}},
                  cell_padding_y, [x, width, label_width](cairo_t* cr, double top, double height) {
                    set_colour(cr, style::label_fill);
                    cairo_rectangle(cr, x, top, label_width, height);
                    cairo_fill(cr);
                    set_colour(cr, style::rule);
                    cairo_set_line_width(cr, style::hairline);
                    cairo_rectangle(cr, x, top, width, height);
                    cairo_move_to(cr, x + label_width, top);
                    cairo_line_to(cr, x + label_width, top + height);
                    cairo_stroke(cr);
                  });
  }
  flow_.set_page_opener(nullptr);
}

void Composer::numbered(const std::vector<std::string>& items) {
  constexpr double number_width = 18;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Block number = block(std::to_string(i + 1) + ".", style::body_plain, number_width);
    const Block text = block(items[i], style::body_plain, width_ - number_width);
    place_columns(flow_, {Column{number, 0}, Column{text, number_width}}, 1.5, [](cairo_t*, double, double) {});
  }
}

void Composer::missing_character_note() {
  if (glyphs_.missing().empty()) return;
  std::string codes;
  for (char32_t cp : glyphs_.missing()) {
    if (!codes.empty()) codes += "、";
    codes += jp::code_point_label(cp);
  }
  gap(8);
  paragraph("※ 「〓」の箇所には、この文書の書体にない文字（" + codes +
                "）があります。正しい文字は申請・決定の記録にそのまま保存されています。",
            style::note);
}

void Composer::contact_box(const Office& office) {
  std::string text = "問い合わせ先　" + office.organization;
  if (!office.department.empty()) text += "　" + office.department;
  for (const std::string& line : office.contact_lines) text += "\n" + line;
  constexpr double pad = 7;
  const Block contents = block(text, style::small, width_ - 2 * pad);
  const double height = contents->height() + 2 * pad;
  flow_.keep(height);
  const double top = flow_.y();
  const double x = flow_.frame().x;
  const double width = width_;
  flow_.paint([contents, x, top, width, height](cairo_t* cr) {
    set_colour(cr, style::rule);
    cairo_set_line_width(cr, style::hairline);
    cairo_rectangle(cr, x, top, width, height);
    cairo_stroke(cr);
    contents->draw(cr, x + pad, top + pad);
  });
  flow_.advance(height);
}

void paint_pages(PdfWriter& writer, const std::vector<Page>& pages, const Footer& footer, Composer& composer) {
  const double width = style::content_width;
  TextStyle left_style = style::footer;
  TextStyle centre_style = style::footer;
  centre_style.align = Align::center;
  TextStyle right_style = style::footer;
  right_style.align = Align::right;
  const Block left = composer.block(footer.left, left_style, width / 2 - 40);
  const Block right = composer.block(footer.right, right_style, width / 2 - 40);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    Page page = pages[i];
    const Block centre = composer.block(std::to_string(i + 1) + " / " + std::to_string(pages.size()) + " ページ",
                                        centre_style, 80);
    page.push_back([left, right, centre, width](cairo_t* cr) {
      const double top = style::footer_baseline_top;
      set_colour(cr, style::rule);
      cairo_set_line_width(cr, style::hairline);
      cairo_move_to(cr, style::margin_left, top - 4);
      cairo_line_to(cr, style::margin_left + width, top - 4);
      cairo_stroke(cr);
      left->draw(cr, style::margin_left, top);
      centre->draw(cr, style::margin_left + width / 2 - 40, top);
      right->draw(cr, style::margin_left + width / 2 + 40, top);
    });
    writer.paint_page(page);
  }
}

std::string paint_document(const PdfInfo& info, const std::vector<Page>& pages, const Footer& footer,
                           Composer& composer) {
  PdfWriter writer(info);
  paint_pages(writer, pages, footer, composer);
  return writer.finish();
}

}  // namespace madoguchi::documents::render
