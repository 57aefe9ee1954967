// Official paper forms filled in (住民異動届, 児童手当認定請求書, 国民健康保険
// 加入届 …): A4 pages of ruled boxes with their printed labels, and text placed
// at positions in millimetres from the page's top-left, as a city's layout file
// says, so the print matches the city's own paper. Text is printed exactly as
// given in IPAex (a character the fonts lack becomes 〓 and is listed in the
// result, never dropped); text that does not fit its width is shrunk down to
// 60 % and then refused with DocumentError(does_not_fit) naming the field.
#pragma once

#include <string>
#include <vector>

#include "documents/rendered_pdf.h"

namespace madoguchi::documents {

struct FormBox {
  double x = 0, y = 0, width = 0, height = 0;  // mm
  std::string label;                           // printed small at the box's top-left; may be empty
};

struct FormText {
  std::string field;       // what the text is, for errors ("notifier_name")
  double x = 0, y = 0;     // mm: the top-left of the text
  double width = 0;        // mm: the space it may take
  double size = 10.5;      // points
  bool gothic = false;     // IPAexGothic (else IPAexMincho)
  bool center = false;
  std::string text;        // one line
};

struct FormPage {
  std::vector<FormBox> boxes;
  std::vector<FormText> texts;
};

struct OfficialFormModel {
  std::string title;    // PDF metadata
  std::string author;   // the city
  std::vector<FormPage> pages;
};

RenderedPdf render_official_form(const OfficialFormModel& model);

}  // namespace madoguchi::documents
