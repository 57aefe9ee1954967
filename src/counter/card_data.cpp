#include "counter/card_data.h"

#include <chrono>

#include "jp/check_digits.h"
#include "jp/unicode.h"

namespace madoguchi::counter {

namespace {

constexpr size_t kMaxText = 1024;

[[noreturn]] void refuse(const char* code, const std::string& ja, const std::string& en) {
  throw CardDataError(code, "カードの券面事項を読み取れませんでした（" + ja + "）。カードを置き直してもう一度読み取ってください。",
                      "The card's data could not be read (" + en + "). Place the card again and read it once more.");
}

unsigned char byte_at(std::string_view bytes, size_t pos) { return static_cast<unsigned char>(bytes[pos]); }

CardText card_text(std::string_view value, const char* what_ja, const char* what_en) {
  if (value.size() > kMaxText) refuse("text_too_long", std::string(what_ja) + "が長すぎます", std::string(what_en) + " is too long");
  if (!jp::is_valid_utf8(value)) {
    refuse("not_utf8", std::string(what_ja) + "が UTF-8 ではありません", std::string(what_en) + " is not UTF-8");
  }
  for (size_t pos = 0; pos < value.size();) {
    auto cp = jp::decode_at(value, pos);
    if (!cp || *cp < 0x20 || *cp == 0x7F) {
      refuse("control_character", std::string(what_ja) + "に制御文字があります",
             std::string(what_en) + " holds a control character");
    }
  }
  CardText out{std::string(value), {}};
  auto report = jp::classify_charset(value);
  if (report.ok()) out.outside_jis_x_0208 = report.value().outside_jis_x_0208;
  return out;
}

std::string birth_date(std::string_view value) {
  bool digits = value.size() == 8;
  for (char c : value) digits = digits && c >= '0' && c <= '9';
  if (!digits) refuse("bad_birth_date", "生年月日が YYYYMMDD ではありません", "the birth date is not YYYYMMDD");
  int y = std::stoi(std::string(value.substr(0, 4)));
  unsigned m = static_cast<unsigned>(std::stoi(std::string(value.substr(4, 2))));
  unsigned d = static_cast<unsigned>(std::stoi(std::string(value.substr(6, 2))));
  std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!day.ok() || y < 1868) refuse("bad_birth_date", "生年月日が暦にない日です", "the birth date is not a real day");
  return std::string(value.substr(0, 4)) + "-" + std::string(value.substr(4, 2)) + "-" + std::string(value.substr(6, 2));
}

int sex_code(std::string_view value) {
  if (value == "1") return 1;
  if (value == "2") return 2;
  if (value == "9") return 9;
  refuse("bad_sex", "性別の値が 1・2・9 のどれでもありません", "the sex is not 1, 2 or 9");
}

}  // namespace

std::optional<size_t> ber_length(std::string_view bytes, size_t& pos) {
  if (pos >= bytes.size()) return std::nullopt;
  unsigned char first = byte_at(bytes, pos);
  if (first < 0x80) {
    pos += 1;
    return first;
  }
  if (first == 0x81) {
    if (pos + 2 > bytes.size()) return std::nullopt;
    size_t length = byte_at(bytes, pos + 1);
    pos += 2;
    return length;
  }
  if (first == 0x82) {
    if (pos + 3 > bytes.size()) return std::nullopt;
    size_t length = (static_cast<size_t>(byte_at(bytes, pos + 1)) << 8) | byte_at(bytes, pos + 2);
    pos += 3;
    return length;
  }
  return std::nullopt;
}

size_t four_items_record_size(std::string_view head) {
  if (head.size() < 3 || byte_at(head, 0) != 0xFF || byte_at(head, 1) != 0x20) {
    refuse("wrong_tag", "基本4情報の見出し FF20 がありません", "the record does not start with FF20");
  }
  size_t pos = 2;
  auto length = ber_length(head, pos);
  if (!length) refuse("bad_length", "長さの書き方が正しくありません", "the length is malformed");
  return pos + *length;
}

CardFourItems parse_four_items(std::string_view record) {
  size_t total = four_items_record_size(record);
  if (total > record.size()) refuse("truncated", "データが途中で切れています", "the data is cut short");
  size_t pos = 2;
  ber_length(record, pos);
  std::optional<CardText> name, address;
  std::optional<std::string> born;
  int sex = 0;
  while (pos < total) {
    if (pos + 2 > total) refuse("truncated", "データが途中で切れています", "the data is cut short");
    unsigned char t1 = byte_at(record, pos), t2 = byte_at(record, pos + 1);
    if (t1 != 0xDF) refuse("wrong_tag", "項目の見出しが DF で始まりません", "an item's tag does not start with DF");
    pos += 2;
    auto length = ber_length(record, pos);
    if (!length) refuse("bad_length", "長さの書き方が正しくありません", "the length is malformed");
    if (*length > total - pos) refuse("truncated", "データが途中で切れています", "the data is cut short");
    std::string_view value = record.substr(pos, *length);
    pos += *length;
    switch (t2) {
      case 0x22: name = card_text(value, "氏名", "the name"); break;
      case 0x23: address = card_text(value, "住所", "the address"); break;
      case 0x24: born = birth_date(value); break;
      case 0x25: sex = sex_code(value); break;
      default: break;  // DF21 (offsets) and items a later card may add
    }
  }
  if (!name || name->text.empty()) refuse("missing_item", "氏名がありません", "the name is missing");
  if (!address || address->text.empty()) refuse("missing_item", "住所がありません", "the address is missing");
  if (!born) refuse("missing_item", "生年月日がありません", "the birth date is missing");
  return CardFourItems{std::move(*name), std::move(*address), std::move(*born), sex};
}

std::string parse_individual_number(std::string_view record) {
  if (record.size() < 15 || byte_at(record, 0) != 0xFF || byte_at(record, 1) != 0x10 || byte_at(record, 2) != 0x0C) {
    refuse("wrong_tag", "個人番号の見出し FF100C がありません", "the number record does not start with FF100C");
  }
  std::string_view digits = record.substr(3, 12);
  for (char c : digits) {
    if (c < '0' || c > '9') refuse("bad_number", "個人番号が12桁の数字ではありません", "the number is not twelve digits");
  }
  auto checked = jp::check_my_number(digits);
  if (!checked.ok()) refuse("bad_number", "個人番号の検査用数字が合いません", "the number's check digit does not match");
  return checked.value();
}

}  // namespace madoguchi::counter
