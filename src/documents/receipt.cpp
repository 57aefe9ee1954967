#include "documents/receipt.h"

#include <string>

#include "documents/content_checks.h"
#include "documents/render/composer.h"
#include "documents/render/date_text.h"
#include "documents/render/house_style.h"

namespace madoguchi::documents {
namespace {

using namespace render;

constexpr std::size_t max_next_steps = 20;

ReceiptModel checked(const ReceiptModel& model) {
  CheckBudget budget;
  ReceiptModel out;
  out.office = checked_office(budget, "office", model.office);
  out.reference = checked_reference("reference", model.reference, Presence::required);
  out.procedure_name = checked_line(budget, "procedure_name", model.procedure_name, 200);
  out.submitted_at = model.submitted_at;
  out.applicant_name = checked_line(budget, "applicant_name", model.applicant_name, 100);
  out.next_steps = checked_list(budget, "next_steps", model.next_steps, max_next_steps, TextShape::multi_line);
  out.sections = checked_sections(budget, "sections", model.sections);
  return out;
}

void letterhead(Composer& composer, const ReceiptModel& model) {
  PageFlow& flow = composer.flow();
  const Block organization = composer.block(model.office.organization, {Face::gothic, 15, 1.2}, composer.width());
  const Block department = composer.block(model.office.department, {Face::gothic, 9, 1.3, Align::left, false, 0, 0,
                                                                     style::muted},
                                          composer.width());
  const double x = flow.frame().x;
  const double top = flow.y();
  const double department_height = model.office.department.empty() ? 0 : department->height();
  const double rule_y = top + organization->height() + department_height + 6;
  const double width = composer.width();
  flow.paint([organization, department, x, top, rule_y, width](cairo_t* cr) {
    organization->draw(cr, x, top);
    department->draw(cr, x, top + organization->height() + 1);
    set_colour(cr, style::accent);
    cairo_rectangle(cr, x, rule_y, width, 1.6);
    cairo_fill(cr);
  });
  flow.advance(rule_y - top + 20);
}

void summary(Composer& composer, const ReceiptModel& model) {
  TextStyle title = {Face::gothic, 20, 1.2, Align::center, false, 0, 4, style::ink};
  composer.paragraph("電子申請 受付票", title);
  composer.gap(18);

  PageFlow& flow = composer.flow();
  const double label_width = mm(34);
  const double pad = 7;
  TextStyle reference_style{Face::gothic, 18, 1.2, Align::left, false, 0, 1.5, style::ink};
  const Block label = composer.block("受付番号", style::table_label, label_width - 2 * pad);
  const Block reference = composer.block(model.reference, reference_style, composer.width() - label_width - 2 * pad);
  const double x = flow.frame().x;
  const double top = flow.y();
  const double width = composer.width();
  const double height = reference->height() + 2 * pad;
  flow.paint([=](cairo_t* cr) {
    set_colour(cr, style::label_fill);
    cairo_rectangle(cr, x, top, label_width, height);
    cairo_fill(cr);
    set_colour(cr, style::accent);
    cairo_set_line_width(cr, 1.2);
    cairo_rectangle(cr, x, top, width, height);
    cairo_stroke(cr);
    label->draw(cr, x + 6, top + (height - label->height()) / 2);
    reference->draw(cr, x + label_width + pad, top + pad);
  });
  flow.advance(height);
  composer.table({Row{"手続き", model.procedure_name},
                  Row{"申請日時", wareki_date_time_jst(model.submitted_at, "submitted_at")},
                  Row{"申請者", model.applicant_name + "　様"}},
                 label_width);
  composer.gap(12);
  composer.paragraph(
      "上記のとおり申請を受け付けました。この受付票は申請を受け付けたことを示すもので、審査の結果を示すものではありません。"
      "お問い合わせの際は受付番号をお知らせください。",
      style::body);
}

}  // namespace

RenderedPdf render_receipt(const ReceiptModel& input) {
  const ReceiptModel model = checked(input);
  const Frame frame{style::margin_left, style::margin_top, style::content_width,
                    style::content_bottom - style::margin_top};
  Composer composer(frame, frame);

  letterhead(composer, model);
  summary(composer, model);
  if (!model.next_steps.empty()) {
    composer.gap(16);
    composer.heading("今後の流れ");
    composer.numbered(model.next_steps);
  }
  if (!model.sections.empty()) {
    composer.gap(16);
    composer.heading("申請内容");
  }
  for (const Section& section : model.sections) {
    composer.subheading(section.title);
    composer.table(section.rows, mm(52), "■ " + section.title);
    composer.gap(12);
  }
  composer.missing_character_note();
  if (!model.office.contact_lines.empty()) {
    composer.gap(14);
    composer.contact_box(model.office);
  }

  std::vector<Page> pages = composer.flow().take_pages();
  const PdfInfo info{"電子申請 受付票 " + model.reference + " " + model.procedure_name,
                     model.office.organization, model.procedure_name, iso8601_jst(model.submitted_at)};
  RenderedPdf result;
  result.pages = static_cast<int>(pages.size());
  result.bytes = paint_document(info, pages, Footer{"受付番号 " + model.reference, model.office.organization},
                                composer);
  result.missing_characters.assign(composer.glyphs().missing().begin(), composer.glyphs().missing().end());
  return result;
}

}  // namespace madoguchi::documents
