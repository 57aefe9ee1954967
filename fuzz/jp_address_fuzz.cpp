// libFuzzer target for jp's address normaliser and the other text normalisers: no crash on any
// input, errors always carry a code and both messages, and normal forms are fixed points.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "jp/address.h"
#include "jp/kana.h"
#include "jp/phone.h"
#include "jp/postal.h"

using namespace madoguchi::jp;

namespace {

template <class T>
void check_error(const Parsed<T>& p) {
  if (!p.ok() && (p.error().code.empty() || p.error().message_ja.empty() || p.error().message_en.empty())) std::abort();
}

// normalize(normalize(x)) == normalize(x) whenever normalize(x) succeeds.
template <class F>
void check_fixed_point(F normalize, std::string_view text) {
  const auto once = normalize(text);
  check_error(once);
  if (!once.ok()) return;
  const auto twice = normalize(once.value());
  if (!twice.ok() || twice.value() != once.value()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_fixed_point(normalize_address, text);
  check_fixed_point(normalize_width, text);
  check_fixed_point(to_fullwidth_katakana, text);
  check_fixed_point(check_furigana, text);
  check_fixed_point(normalize_phone, text);
  check_fixed_point(normalize_postal_code, text);
  const auto a = normalize_address(text);
  if (a.ok() && !same_address(text, a.value())) std::abort();
  return 0;
}
