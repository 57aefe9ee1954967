#include "jp/phone.h"

#include <algorithm>

#include "jp/phone_area_codes.h"
#include "jp/unicode.h"

namespace madoguchi::jp {

namespace {

constexpr std::size_t kMaxPhoneBytes = 100;

bool is_ignored(char32_t c) {
  return is_horizontal_space(c) || c == U'-' || c == U'(' || c == U')' || c == 0x2010 || c == 0x2011 ||
         c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 || c == 0x2212 || c == 0x30FC ||
         c == 0xFF70;
}

Error wrong_length(const char* kind_ja, const char* kind_en, std::size_t want, std::size_t got) {
  return make_error("wrong_length",
                    std::string(kind_ja) + "は" + std::to_string(want) + "桁です（入力は" + std::to_string(got) + "桁）。",
                    std::string(kind_en) + " have " + std::to_string(want) + " digits; " + std::to_string(got) +
                        " were given.");
}

std::string hyphenate(const std::string& d, std::size_t first, std::size_t second) {
  return d.substr(0, first) + "-" + d.substr(first, second) + "-" + d.substr(first + second);
}

// The area prefix entry covering `digits`, if any.
const AreaPrefix* find_area(std::string_view digits) {
  const auto table = fixed_line_area_prefixes();
  for (std::size_t length = std::min<std::size_t>(7, digits.size()); length >= 2; --length) {
    const std::string_view key = digits.substr(0, length);
    const auto it = std::lower_bound(table.begin(), table.end(), key,
                                     [](const AreaPrefix& p, std::string_view k) { return p.prefix < k; });
    if (it != table.end() && it->prefix == key) return &*it;
  }
  return nullptr;
}

Parsed<PhoneNumber> fixed_length(std::string digits, PhoneKind kind, std::size_t length, std::size_t first,
                          std::size_t second, const char* kind_ja, const char* kind_en) {
  if (digits.size() != length) return wrong_length(kind_ja, kind_en, length, digits.size());
  PhoneNumber number{digits, hyphenate(digits, first, second), kind, {}};
  return number;
}

}  // namespace

const char* phone_kind_name(PhoneKind kind) {
  switch (kind) {
    case PhoneKind::fixed_line: return "fixed_line";
    case PhoneKind::mobile: return "mobile";
    case PhoneKind::ip_phone: return "ip_phone";
    case PhoneKind::m2m: return "m2m";
    case PhoneKind::toll_free: return "toll_free";
    case PhoneKind::navi_dial: return "navi_dial";
    case PhoneKind::premium_rate: return "premium_rate";
  }
  return "fixed_line";
}

Parsed<PhoneNumber> parse_phone(std::string_view text) {
  if (text.size() > kMaxPhoneBytes) return too_long_error("電話番号", "The phone number", kMaxPhoneBytes);
  auto decoded = decode_utf8(text, kMaxPhoneBytes);
  if (!decoded.ok()) return decoded.error();
  const std::u32string& cps = decoded.value();
  std::string digits;
  bool international = false;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t c = fold_fullwidth_ascii(cps[i]);
    if (c == U'（') c = U'(';
    if (c == U'）') c = U')';
    if (c >= U'0' && c <= U'9') {
      digits.push_back(static_cast<char>(c));
    } else if (c == U'+' && digits.empty() && !international) {
      international = true;
    } else if (!is_ignored(c)) {
      const std::string position = std::to_string(i + 1);
      return make_error("invalid_character",
                        "電話番号に使えない文字" + describe_character(cps[i]) + "があります（" + position + "文字目）。",
                        "The phone number contains " + describe_character(cps[i]) + " at character " + position +
                            ", which is not allowed.");
    }
  }
  if (digits.empty()) return empty_error("電話番号", "The phone number");
  if (international) {
    if (digits.rfind("81", 0) != 0) {
      return make_error("international_number", "日本（+81）以外の電話番号は受け付けられません。",
                        "Only Japanese numbers (+81) are accepted.");
    }
    digits.erase(0, 2);
    if (digits.empty() || digits[0] != '0') digits.insert(0, "0");  // +81 22… and +81 (0)22… alike
  }
  if (digits[0] != '0') {
    return make_error("missing_leading_zero", "電話番号は0から（市外局番から）入力してください。",
                      "Enter the number from its leading 0 (with the area code).");
  }
  const std::string_view d = digits;
  if (d.rfind("00", 0) == 0 || d.rfind("010", 0) == 0) {
    return make_error("unsupported_number_type", "国際電話や事業者を選ぶ番号（00…、010…）は電話番号として使えません。",
                      "Carrier and international prefixes (00…, 010…) are not phone numbers.");
  }
  if (d.rfind("0120", 0) == 0) return fixed_length(digits, PhoneKind::toll_free, 10, 4, 3, "0120の番号", "0120 numbers");
  if (d.rfind("0800", 0) == 0) return fixed_length(digits, PhoneKind::toll_free, 11, 4, 3, "0800の番号", "0800 numbers");
  if (d.rfind("0570", 0) == 0) return fixed_length(digits, PhoneKind::navi_dial, 10, 4, 3, "0570の番号", "0570 numbers");
  if (d.rfind("0990", 0) == 0) return fixed_length(digits, PhoneKind::premium_rate, 10, 4, 3, "0990の番号", "0990 numbers");
  if (d.size() >= 3 && (d.substr(0, 3) == "070" || d.substr(0, 3) == "080" || d.substr(0, 3) == "090" ||
                        d.substr(0, 3) == "050" || d.substr(0, 3) == "020")) {
    const bool mobile = d[1] != '5' && d[1] != '2';
    const PhoneKind kind = mobile ? PhoneKind::mobile : d[1] == '5' ? PhoneKind::ip_phone : PhoneKind::m2m;
    const char* ja = mobile ? "携帯電話の番号" : d[1] == '5' ? "IP電話の番号" : "020の番号";
    const char* en = mobile ? "Mobile numbers" : d[1] == '5' ? "IP phone numbers" : "020 numbers";
    if (d.size() >= 4 && d[3] == '0') {
      return make_error("unknown_area_code", std::string(d.substr(0, 4)) + "で始まる番号はありません。",
                        "No numbers begin with " + std::string(d.substr(0, 4)) + ".");
    }
    return fixed_length(digits, kind, 11, 3, 4, ja, en);
  }
  const AreaPrefix* area = find_area(d);
  if (area == nullptr) {
    if (d.size() < 4) return wrong_length("固定電話の番号", "Fixed-line numbers", 10, d.size());
    return make_error("unknown_area_code", std::string(d.substr(0, 4)) + "で始まる電話番号はありません。",
                      "No Japanese phone numbers begin with " + std::string(d.substr(0, 4)) + ".");
  }
  if (d.size() != 10) return wrong_length("固定電話の番号", "Fixed-line numbers", 10, d.size());
  PhoneNumber number{digits, digits, PhoneKind::fixed_line, {}};
  if (area->area_length != 0) {
    number.area_code = digits.substr(0, area->area_length);
    number.formatted = hyphenate(digits, area->area_length, 6u - area->area_length);
  }
  return number;
}

Parsed<std::string> normalize_phone(std::string_view text) {
  auto parsed = parse_phone(text);
  if (!parsed.ok()) return parsed.error();
  return std::move(parsed).value().formatted;
}

}  // namespace madoguchi::jp
