#include "documents/render/notice_layout.h"

#include <array>
#include <memory>
#include <string>

#include "documents/envelope_window.h"
#include "documents/error.h"
#include "documents/render/date_text.h"
#include "documents/render/house_style.h"
#include "documents/render/qr_symbol.h"

namespace madoguchi::documents::render {
namespace {

constexpr double right_column_left = mm(120);
constexpr double right_column_width = a4_width - style::margin_right - right_column_left;
constexpr double first_content_top = mm(62);
constexpr double band_top = style::content_bottom - mm(30);
constexpr double first_content_bottom = band_top - mm(6);
constexpr double qr_module = mm(0.55);

TextStyle aligned(TextStyle style, Align align) {
  style.align = align;
  return style;
}

// The recipient block, at the largest of a few type sizes at which it fits the
// window's address area; an address too long for any of them is refused.
void recipient_block(Composer& composer, const NoticeModel& model) {
  struct Sizes {
    double address;
    double name;
  };
  constexpr std::array<Sizes, 4> sizes{{{10.5, 14}, {9.5, 12.5}, {9, 11.5}, {8.5, 10.5}}};
  const double width = mm(address_area.width);
  const Recipient& to = model.recipient;
  std::string address;
  if (!to.postal_code.empty()) address = "〒" + to.postal_code;
  for (const std::string& line : to.address_lines) address += (address.empty() ? "" : "\n") + line;
  const std::string name = to.name + (to.honorific.empty() ? "" : "　" + to.honorific);

  for (const Sizes& size : sizes) {
    const TextStyle address_style{Face::mincho, size.address, 1.35, Align::left, false, 0, 0, style::ink};
    const TextStyle name_style{Face::mincho, size.name, 1.3, Align::left, false, 0, 0, style::ink};
    const Block address_text = composer.block(address, address_style, width);
    const Block name_text = composer.block(name, name_style, width);
    const double gap = address.empty() ? 0 : size.address * 0.6;
    const double height = (address.empty() ? 0 : address_text->height()) + gap + name_text->height();
    if (height > mm(address_area.height)) continue;
    const double x = mm(address_area.left);
    const double y = mm(address_area.top);
    const bool has_address = !address.empty();
    composer.flow().paint([address_text, name_text, x, y, gap, has_address](cairo_t* cr) {
      double top = y;
      if (has_address) {
        address_text->draw(cr, x, top);
        top += address_text->height() + gap;
      }
      name_text->draw(cr, x, top);
    });
    return;
  }
  throw DocumentError(DocumentErrc::does_not_fit, "recipient",
                      "宛先（郵便番号・住所・氏名）が長すぎて封筒の窓に収まりません。住所の行を短くしてください",
                      "the recipient block (postal code, address, name) does not fit the envelope window; "
                      "shorten the address lines");
}

// The letterhead right of the window: the organization and department over an
// accent rule, then the document number and (for a decision notice) the date.
// The length limits in notice_checks keep it above the first content line.
void letterhead(Composer& composer, const NoticeModel& model) {
  const TextStyle organization_style{Face::gothic, 15, 1.2, Align::right, false, 0, 1, style::ink};
  const TextStyle department_style{Face::gothic, 8.5, 1.35, Align::right, false, 0, 0, style::muted};
  const TextStyle line = aligned(style::body_plain, Align::right);
  const Block organization = composer.block(model.office.organization, organization_style, right_column_width);
  const Block department = model.office.department.empty()
                               ? nullptr
                               : composer.block(model.office.department, department_style, right_column_width);
  const Block number = composer.block(model.document_number, line, right_column_width);
  const Block date = model.kind == NoticeKind::decision_notice
                         ? composer.block(wareki_date(model.issued_on, "issued_on"), line, right_column_width)
                         : nullptr;
  const double x = right_column_left;
  const double top = mm(envelope_window.top);
  composer.flow().paint([=](cairo_t* cr) {
    double y = top;
    organization->draw(cr, x, y);
    y += organization->height();
    if (department) {
      department->draw(cr, x, y + 1);
      y += department->height() + 1;
    }
    y += 3;
    set_colour(cr, style::accent);
    cairo_rectangle(cr, x + right_column_width * 0.3, y, right_column_width * 0.7, 1.2);
    cairo_fill(cr);
    y += 1.2 + mm(5);
    number->draw(cr, x, y);
    y += number->height();
    if (date) date->draw(cr, x, y);
  });
}

void verification_band(Composer& composer, const NoticeModel& model) {
  const QrSymbol qr = QrSymbol::encode(model.verification_url);
  const double side = qr.side(qr_module);
  const double x = style::margin_left;
  const double text_width = style::content_width - side - mm(4);
  const Block heading = composer.block("この文書の確認（電子署名）", {Face::gothic, 9, 1.3, Align::left, false, 0, 0,
                                                                     style::ink},
                                       text_width);
  const Block explanation = composer.block(
      "この文書は" + model.office.organization +
          "が電子署名して発行したものです。右の QR コードを読み取るか、次のアドレスを開くと、" +
          model.office.organization +
          "が発行した文書であること、発行日と記載内容を確認できます。PDF ファイルは、確認ページで改変がないことも確かめられます。",
      {Face::mincho, 8, 1.45, Align::left, false, 0, 0, style::ink}, text_width);
  const Block url = composer.block(model.verification_url,
                                   {Face::gothic, 8, 1.3, Align::left, false, 0, 0, style::accent}, text_width);
  const double top = band_top;
  composer.flow().paint([=](cairo_t* cr) {
    set_colour(cr, style::rule);
    cairo_set_line_width(cr, style::hairline);
    cairo_move_to(cr, x, top);
    cairo_line_to(cr, x + style::content_width, top);
    cairo_stroke(cr);
    double y = top + mm(3);
    heading->draw(cr, x, y);
    y += heading->height() + 2;
    explanation->draw(cr, x, y);
    y += explanation->height() + 3;
    url->draw(cr, x, y);
    qr.draw(cr, x + style::content_width - side, top + mm(1), qr_module);
  });
}

void issuer_line(Composer& composer, const NoticeModel& model) {
  composer.paragraph(model.issuer, aligned({Face::mincho, 11, 1.4}, Align::right));
}

void title(Composer& composer, const NoticeModel& model) {
  composer.gap(mm(8));
  composer.paragraph(model.title, {Face::mincho, 16, 1.3, Align::center, false, 0, 3, style::ink});
  composer.gap(mm(8));
}

void remarks(Composer& composer, const NoticeModel& model) {
  if (model.remarks.empty()) return;
  composer.gap(mm(6));
  if (!model.remarks_heading.empty()) {
    composer.paragraph("（" + model.remarks_heading + "）", {Face::mincho, 9.5, 1.4});
    composer.gap(2);
  }
  TextStyle remark{Face::mincho, 9, 1.5, Align::left, true, 9, 0, style::ink};
  for (const std::string& paragraph : model.remarks) composer.paragraph(paragraph, remark);
}

void decision_body(Composer& composer, const NoticeModel& model) {
  issuer_line(composer, model);
  title(composer, model);
  for (const std::string& paragraph : model.body) composer.paragraph(paragraph, style::body);
  if (!model.items.empty()) {
    composer.gap(mm(5));
    composer.paragraph("記", aligned(style::body_plain, Align::center));
    composer.gap(mm(3));
    composer.table(model.items, mm(45), "記");
    composer.gap(mm(2));
    composer.paragraph("以上", aligned(style::body_plain, Align::right));
  }
}

void certificate_body(Composer& composer, const NoticeModel& model) {
  title(composer, model);
  composer.table(model.items, mm(45), model.title);
  composer.gap(mm(8));
  for (const std::string& paragraph : model.body) composer.paragraph(paragraph, style::body);
  composer.gap(mm(8));
  composer.flow().keep(60);
  TextStyle date = style::body_plain;
  date.indent = 21;
  composer.paragraph(wareki_date(model.issued_on, "issued_on"), date);
  composer.gap(mm(4));
  issuer_line(composer, model);
}

}  // namespace

Composer notice_composer() {
  const Frame first{style::margin_left, first_content_top, style::content_width,
                    first_content_bottom - first_content_top};
  const Frame later{style::margin_left, style::margin_top, style::content_width,
                    style::content_bottom - style::margin_top};
  return Composer(first, later);
}

std::vector<Page> layout_notice(Composer& composer, const NoticeModel& model) {
  recipient_block(composer, model);
  letterhead(composer, model);
  verification_band(composer, model);
  if (model.kind == NoticeKind::decision_notice) {
    decision_body(composer, model);
  } else {
    certificate_body(composer, model);
  }
  remarks(composer, model);
  composer.missing_character_note();
  if (!model.office.contact_lines.empty()) {
    composer.gap(mm(6));
    composer.contact_box(model.office);
  }
  return composer.flow().take_pages();
}

Footer notice_footer(const NoticeModel& model) {
  return Footer{"文書番号 " + model.document_number,
                model.reference.empty() ? model.office.organization : "受付番号 " + model.reference};
}

PdfInfo notice_info(const NoticeModel& model) {
  const std::string date = iso_date(model.issued_on);
  return PdfInfo{model.title + " " + model.document_number, model.office.organization, model.title,
                 date + "T00:00:00+09:00"};
}

}  // namespace madoguchi::documents::render
