// libFuzzer target for jp's date parser: any input is either a date or a reasoned error, and
// every accepted date formats in each style and parses back to itself.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "jp/age.h"
#include "jp/wareki.h"

using namespace madoguchi::jp;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = parse_date(text);
  if (!parsed.ok()) {
    const Error& e = parsed.error();
    if (e.code.empty() || e.message_ja.empty() || e.message_en.empty()) std::abort();
    return 0;
  }
  const auto date = parsed.value();
  if (!date.ok() || date < kFirstSupportedDate || date > kLastSupportedDate) std::abort();
  for (WarekiStyle style : {WarekiStyle::kanji, WarekiStyle::kanji_with_western, WarekiStyle::letter}) {
    const auto text_form = format_wareki(date, style);
    if (!text_form.ok()) std::abort();
    if (style == WarekiStyle::kanji_with_western) continue;  // a display form, not an input form
    const auto back = parse_date(text_form.value());
    if (!back.ok() || back.value() != date) std::abort();
  }
  const auto iso = parse_date(format_iso(date));
  if (!iso.ok() || iso.value() != date) std::abort();
  const auto age = age_on(date, date);
  if (!age.ok() || age.value() != 0) std::abort();
  return 0;
}
