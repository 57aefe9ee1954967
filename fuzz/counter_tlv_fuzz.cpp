// libFuzzer target for the My Number card's record parser (EF 0002, the basic
// four items, and EF 0001, the individual number): any bytes are parsed or
// refused with a CardDataError carrying both messages; parsed text is valid
// UTF-8, the birth date is ISO, the sex code one of 0/1/2/9, the number
// twelve digits. The size planner never promises less than the header.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "counter/card_data.h"
#include "jp/unicode.h"

using namespace madoguchi::counter;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const size_t total = four_items_record_size(bytes);
    if (total < 3) std::abort();
    const auto items = parse_four_items(bytes);
    if (!madoguchi::jp::is_valid_utf8(items.name.text) || !madoguchi::jp::is_valid_utf8(items.address.text)) std::abort();
    if (items.name.text.empty() || items.address.text.empty() || items.birth_date.size() != 10) std::abort();
    if (items.sex_code != 0 && items.sex_code != 1 && items.sex_code != 2 && items.sex_code != 9) std::abort();
  } catch (const CardDataError& e) {
    if (e.code().empty() || e.message_ja().empty() || e.message_en().empty()) std::abort();
  }
  try {
    const auto number = parse_individual_number(bytes);
    if (number.size() != 12) std::abort();
  } catch (const CardDataError& e) {
    if (e.code().empty()) std::abort();
  }
  return 0;
}
