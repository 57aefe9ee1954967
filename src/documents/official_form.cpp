#include "documents/official_form.h"

#include "documents/content_checks.h"
#include "documents/error.h"
#include "documents/render/glyph_check.h"
#include "documents/render/house_style.h"
#include "documents/render/pdf_writer.h"
#include "documents/render/text_block.h"

namespace madoguchi::documents {
namespace {

using namespace render;

constexpr double kMinScale = 0.6;
constexpr std::size_t kMaxPages = 50;

FormText checked_text(CheckBudget& budget, const FormText& t, const std::string& where) {
  FormText out = t;
  out.text = checked_line(budget, where + "." + t.field, t.text, 300, Presence::optional);
  if (t.x < 0 || t.y < 0 || t.width <= 0 || t.x + t.width > 210 || t.y > 297 || t.size < 4 || t.size > 40) {
    throw DocumentError(DocumentErrc::invalid_input, where + "." + t.field, "用紙の外にはみ出す位置です",
                        "the position is outside the page");
  }
  return out;
}

}  // namespace

RenderedPdf render_official_form(const OfficialFormModel& model) {
  if (model.pages.empty() || model.pages.size() > kMaxPages) {
    throw DocumentError(DocumentErrc::invalid_input, "pages", "ページがないか多すぎます", "no pages, or too many");
  }
  CheckBudget budget;
  FontSet& fonts = FontSet::for_this_thread();
  GlyphCheck glyphs(fonts);
  std::vector<Page> pages;
  for (std::size_t p = 0; p < model.pages.size(); ++p) {
    const FormPage& source = model.pages[p];
    Page page;
    std::vector<FormBox> boxes;
    for (const auto& b : source.boxes) {
      FormBox box = b;
      box.label = checked_line(budget, "pages[" + std::to_string(p) + "].boxes.label", b.label, 100, Presence::optional);
      boxes.push_back(box);
    }
    page.push_back([boxes, &fonts, &glyphs](cairo_t* cr) {
      set_colour(cr, style::ink);
      cairo_set_line_width(cr, 0.6);
      for (const auto& b : boxes) {
        cairo_rectangle(cr, mm(b.x), mm(b.y), mm(b.width), mm(b.height));
        cairo_stroke(cr);
      }
      TextStyle label{Face::gothic, 6.5, 1.2, Align::left, false, 0, 0, style::muted};
      for (const auto& b : boxes) {
        if (b.label.empty()) continue;
        TextBlock block(fonts, glyphs, b.label, label, mm(b.width) - 3);
        block.draw(cr, mm(b.x) + 1.5, mm(b.y) + 1.2);
      }
    });
    for (const auto& t : source.texts) {
      FormText text = checked_text(budget, t, "pages[" + std::to_string(p) + "].texts");
      if (text.text.empty()) continue;
      TextStyle base{text.gothic ? Face::gothic : Face::mincho, text.size, 1.2,
                     text.center ? Align::center : Align::left, false, 0, 0, style::ink};
      auto block = std::make_shared<TextBlock>(fonts, glyphs, text.text, base, mm(text.width));
      double scale = 1.0;
      while (block->line_count() > 1 && scale > kMinScale) {
        scale -= 0.05;
        TextStyle smaller = base;
        smaller.size = text.size * scale;
        block = std::make_shared<TextBlock>(fonts, glyphs, text.text, smaller, mm(text.width));
      }
      if (block->line_count() > 1) {
        throw DocumentError(DocumentErrc::does_not_fit, text.field, "欄に収まりません: " + text.field,
                            "does not fit its box: " + text.field);
      }
      const double x = mm(text.x), y = mm(text.y);
      page.push_back([block, x, y](cairo_t* cr) { block->draw(cr, x, y); });
    }
    pages.push_back(std::move(page));
  }
  PdfWriter writer(PdfInfo{model.title, model.author, model.title, ""});
  for (const auto& page : pages) writer.paint_page(page);
  RenderedPdf result;
  result.pages = static_cast<int>(pages.size());
  result.bytes = writer.finish();
  result.missing_characters.assign(glyphs.missing().begin(), glyphs.missing().end());
  return result;
}

}  // namespace madoguchi::documents
