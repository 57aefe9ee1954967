// The city's house style for every document: page geometry, type sizes and
// the few greys used for rules and fills. One place, so a receipt, a notice
// and a mail-batch sheet look like they come from the same office.
#pragma once

#include "documents/render/pdf_writer.h"
#include "documents/render/text_block.h"

namespace madoguchi::documents::render::style {

inline constexpr double margin_left = mm(20);
inline constexpr double margin_right = mm(20);
inline constexpr double margin_top = mm(15);
inline constexpr double content_bottom = a4_height - mm(22);  // content stops here
inline constexpr double footer_baseline_top = a4_height - mm(14);  // the footer's top edge
inline constexpr double content_width = a4_width - margin_left - margin_right;

inline constexpr Colour ink{0.08, 0.08, 0.10};
inline constexpr Colour muted{0.35, 0.35, 0.38};
inline constexpr Colour rule{0.55, 0.55, 0.58};
inline constexpr Colour label_fill{0.935, 0.94, 0.95};
inline constexpr Colour accent{0.16, 0.24, 0.38};
inline constexpr double hairline = 0.5;

inline constexpr TextStyle body{Face::mincho, 10.5, 1.55, Align::left, true, 10.5, 0, ink};
inline constexpr TextStyle body_plain{Face::mincho, 10.5, 1.45, Align::left, false, 0, 0, ink};
inline constexpr TextStyle small{Face::mincho, 9, 1.4, Align::left, false, 0, 0, ink};
inline constexpr TextStyle table_label{Face::gothic, 9.5, 1.35, Align::left, false, 0, 0, ink};
inline constexpr TextStyle table_value{Face::mincho, 10.5, 1.35, Align::left, false, 0, 0, ink};
inline constexpr TextStyle table_empty{Face::mincho, 10, 1.35, Align::left, false, 0, 0, muted};
inline constexpr TextStyle heading{Face::gothic, 12, 1.3, Align::left, false, 0, 0, ink};
inline constexpr TextStyle subheading{Face::gothic, 10.5, 1.3, Align::left, false, 0, 0, ink};
inline constexpr TextStyle footer{Face::gothic, 8, 1.2, Align::left, false, 0, 0, muted};
inline constexpr TextStyle note{Face::mincho, 8.5, 1.4, Align::left, false, 0, 0, muted};

}  // namespace madoguchi::documents::render::style
