#include "jp/charset.h"

#include <iconv.h>


#include "jp/unicode.h"

namespace madoguchi::jp {

namespace {

constexpr std::size_t kMaxCharsetBytes = 1 << 20;

class Converter {
 public:
  explicit Converter(const char* to) : cd_(iconv_open(to, "UTF-32LE")) {}
  ~Converter() {
    if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
  }
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  // Whether the code point converts exactly (no transliteration, no substitution).
  bool converts(char32_t cp) {
    if (cd_ == reinterpret_cast<iconv_t>(-1)) return false;
    iconv(cd_, nullptr, nullptr, nullptr, nullptr);
    char in[4] = {static_cast<char>(cp & 0xFF), static_cast<char>((cp >> 8) & 0xFF),
                  static_cast<char>((cp >> 16) & 0xFF), static_cast<char>((cp >> 24) & 0xFF)};
    char out[16];
    char* in_ptr = in;
    char* out_ptr = out;
    std::size_t in_left = sizeof in, out_left = sizeof out;
    const std::size_t result = iconv(cd_, &in_ptr, &in_left, &out_ptr, &out_left);
    if (result == static_cast<std::size_t>(-1) || result != 0) return false;
    // Flush a pending state (EUC-JISX0213 buffers a base character that might combine).
    return iconv(cd_, nullptr, nullptr, &out_ptr, &out_left) != static_cast<std::size_t>(-1);
  }

 private:
  iconv_t cd_;
};

struct Converters {
  Converter jis_x_0208{"SHIFT_JIS"};
  Converter jis_x_0213{"EUC-JISX0213"};
};

Converters& thread_converters() {
  thread_local Converters converters;
  return converters;
}

}  // namespace

const char* jis_level_name(JisLevel level) {
  switch (level) {
    case JisLevel::jis_x_0208: return "jis_x_0208";
    case JisLevel::jis_x_0213: return "jis_x_0213";
    case JisLevel::outside_jis: return "outside_jis";
  }
  return "outside_jis";
}

JisLevel jis_level(char32_t cp) {
  if (cp == U'\t' || cp == U'\n' || cp == U'\r') return JisLevel::jis_x_0208;
  if (cp < 0x20 || cp == 0x7F) return JisLevel::outside_jis;
  if (cp < 0x7F && cp != U'\\' && cp != U'~') return JisLevel::jis_x_0208;
  Converters& c = thread_converters();
  if (c.jis_x_0208.converts(cp)) return JisLevel::jis_x_0208;
  if (c.jis_x_0213.converts(cp)) return JisLevel::jis_x_0213;
  return JisLevel::outside_jis;
}

Parsed<CharsetReport> classify_charset(std::string_view text) {
  if (text.size() > kMaxCharsetBytes) return too_long_error("文字列", "The text", kMaxCharsetBytes);
  auto decoded = decode_utf8(text, kMaxCharsetBytes);
  if (!decoded.ok()) return decoded.error();
  CharsetReport report{JisLevel::jis_x_0208, {}};
  const std::u32string& cps = decoded.value();
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const JisLevel level = jis_level(cps[i]);
    if (level == JisLevel::jis_x_0208) continue;
    std::string character;
    append_utf8(character, cps[i]);
    report.outside_jis_x_0208.push_back(UncommonCharacter{std::move(character), cps[i], i + 1, level});
    if (level > report.level) report.level = level;
  }
  return report;
}

}  // namespace madoguchi::jp
