// Where a 長形3号 (120 × 235 mm) window envelope shows an A4 sheet folded in
// three, in millimetres from the sheet's top-left corner. The window is the
// common ready-made one: 90 × 45 mm, 23 mm from the left and 13 mm from the
// top of the sheet (Japan Post requires an address window of at least
// 80 × 45 mm). The address is printed 5 mm inside it left and right and 4 mm
// top and bottom, so a sheet that shifts a few millimetres in the envelope
// still shows the whole block. Nothing else is printed inside the window.
#pragma once

namespace madoguchi::documents {

struct MmRect {
  double left;
  double top;
  double width;
  double height;
  double right() const { return left + width; }
  double bottom() const { return top + height; }
};

inline constexpr MmRect envelope_window{23.0, 13.0, 90.0, 45.0};
inline constexpr MmRect address_area{28.0, 17.0, 80.0, 37.0};

}  // namespace madoguchi::documents
