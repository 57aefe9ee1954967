#include "jp/inspect.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "jp/address.h"
#include "jp/age.h"
#include "jp/charset.h"
#include "jp/check_digits.h"
#include "jp/holidays.h"
#include "jp/kana.h"
#include "jp/phone.h"
#include "jp/unicode.h"
#include "jp/wareki.h"

namespace madoguchi::jp {

namespace {

using nlohmann::json;

constexpr std::array<const char*, 7> kWeekdaysJa{"日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"};
constexpr std::array<const char*, 7> kWeekdaysEn{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

Error usage_error(std::string_view detail_ja, std::string_view detail_en) {
  return make_error("usage", std::string(detail_ja) + "\n" + std::string(inspect_usage()),
                    std::string(detail_en) + "\n" + std::string(inspect_usage()));
}

const char* kind_name(HolidayKind kind) {
  switch (kind) {
    case HolidayKind::national: return "national";
    case HolidayKind::substitute: return "substitute";
    case HolidayKind::citizens: return "citizens";
    case HolidayKind::special: return "special";
  }
  return "national";
}

json holiday_json(const Holiday& h) {
  return {{"date", format_iso(h.date)}, {"name_ja", h.name_ja}, {"name_en", h.name_en}, {"kind", kind_name(h.kind)}};
}

json result_json(const Parsed<std::string>& r) {
  if (r.ok()) return {{"ok", true}, {"value", r.value()}};
  return {{"ok", false}, {"error", error_json(r.error())["error"]}};
}

Parsed<json> date_json(std::string_view text) {
  auto parsed = parse_date(text);
  if (!parsed.ok()) return parsed.error();
  const auto d = parsed.value();
  const auto w = to_wareki(d).value();
  const unsigned weekday = std::chrono::weekday{std::chrono::sys_days{d}}.c_encoding();
  json out = {{"input", text},
              {"iso", format_iso(d)},
              {"wareki", format_wareki(d).value()},
              {"wareki_with_western", format_wareki(d, WarekiStyle::kanji_with_western).value()},
              {"wareki_letter", format_wareki(d, WarekiStyle::letter).value()},
              {"era", {{"ja", w.era->name_ja}, {"en", w.era->name_en}, {"year", w.year}}},
              {"weekday_ja", kWeekdaysJa[weekday]},
              {"weekday_en", kWeekdaysEn[weekday]}};
  const int y = static_cast<int>(d.year());
  if (y >= kFirstHolidayYear && y <= kLastHolidayYear) {
    const auto h = holiday_on(d);
    out["holiday"] = h ? holiday_json(*h) : json(nullptr);
    out["city_closed"] = is_city_closed(d);
  }
  return out;
}

Parsed<json> kana_json(std::string_view text) {
  auto katakana = to_fullwidth_katakana(text);
  if (!katakana.ok()) return katakana.error();
  return json{{"input", text},
              {"katakana", katakana.value()},
              {"width_normalized", normalize_width(text).value()},
              {"furigana", result_json(check_furigana(text))}};
}

Parsed<json> chars_json(std::string_view text) {
  auto report = classify_charset(text);
  if (!report.ok()) return report.error();
  json list = json::array();
  for (const UncommonCharacter& c : report.value().outside_jis_x_0208) {
    list.push_back({{"character", c.character},
                    {"code_point", code_point_label(c.code_point)},
                    {"position", c.position},
                    {"level", jis_level_name(c.level)}});
  }
  return json{{"input", text}, {"level", jis_level_name(report.value().level)}, {"outside_jis_x_0208", list}};
}

Parsed<json> number_json(const Parsed<std::string>& checked) {
  if (!checked.ok()) return checked.error();
  return json{{"valid", true}, {"normalized", checked.value()}};
}

Parsed<json> phone_json(std::string_view text) {
  auto phone = parse_phone(text);
  if (!phone.ok()) return phone.error();
  const PhoneNumber& p = phone.value();
  return json{{"input", text},
              {"normalized", p.formatted},
              {"digits", p.digits},
              {"kind", phone_kind_name(p.kind)},
              {"area_code", p.area_code.empty() ? json(nullptr) : json(p.area_code)}};
}

Parsed<json> postal_json(std::string_view code, const PostalDirectory* postal) {
  auto normalized = normalize_postal_code(code);
  if (!normalized.ok()) return normalized.error();
  if (postal == nullptr) {
    return make_error("postal_table_missing", "郵便番号表が読み込まれていません。", "The postal table is not loaded.");
  }
  auto found = postal->lookup(normalized.value());
  if (!found.ok()) return found.error();
  json list = json::array();
  for (const PostalAddress& a : found.value()) {
    list.push_back({{"prefecture", a.prefecture}, {"city", a.city}, {"town", a.town}, {"note", a.note}});
  }
  return json{{"code", format_postal_code(normalized.value())}, {"addresses", list}, {"source", postal->source()}};
}

Parsed<json> address_json(std::string_view text) {
  auto normalized = normalize_address(text);
  if (!normalized.ok()) return normalized.error();
  return json{{"input", text}, {"normalized", normalized.value()}};
}

Parsed<json> holidays_json(std::string_view year_text) {
  int year = 0;
  const auto [end, ec] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
  if (ec != std::errc{} || end != year_text.data() + year_text.size()) {
    return make_error("invalid_year", "年は西暦の数字で指定してください（例: 2026）。",
                      "Give the year as a Western-calendar number (e.g. 2026).");
  }
  auto holidays = holidays_in_year(year);
  if (!holidays.ok()) return holidays.error();
  json list = json::array();
  for (const Holiday& h : holidays.value()) list.push_back(holiday_json(h));
  return json{{"year", year}, {"holidays", list}};
}

Parsed<json> age_json(std::string_view birth_text, std::string_view on_text) {
  auto birth = parse_date(birth_text);
  if (!birth.ok()) return birth.error();
  auto on = parse_date(on_text);
  if (!on.ok()) return on.error();
  auto age = age_on(birth.value(), on.value());
  if (!age.ok()) return age.error();
  return json{{"birth", format_iso(birth.value())},
              {"on", format_iso(on.value())},
              {"age", age.value()},
              {"reached_on", format_iso(date_reaching_age(birth.value(), age.value()).value())}};
}

}  // namespace

json error_json(const Error& error) {
  return {{"error", {{"code", error.code}, {"message_ja", error.message_ja}, {"message_en", error.message_en}}}};
}

std::string_view inspect_usage() {
  return "usage: madoguchi jp date TEXT | kana TEXT | chars TEXT | mynumber N | corpnumber N |\n"
         "                    phone TEXT | postal CODE | address TEXT | holidays YEAR | age BIRTH ON";
}

Parsed<json> inspect(const std::vector<std::string>& args, const PostalDirectory* postal) {
  if (args.empty()) return usage_error("調べる項目を指定してください。", "Say what to check.");
  const std::string& what = args[0];
  const std::size_t want = what == "age" ? 3 : 2;
  static const std::array<const char*, 10> known{"date", "kana", "chars", "mynumber", "corpnumber",
                                                 "phone", "postal", "address", "holidays", "age"};
  if (std::find(known.begin(), known.end(), what) == known.end()) {
    return usage_error("「" + what + "」は分かりません。", "Unknown question \"" + what + "\".");
  }
  if (args.size() != want) {
    return usage_error(what + " には引数が" + std::to_string(want - 1) + "つ必要です。",
                       what + " takes " + std::to_string(want - 1) + " argument(s).");
  }
  const std::string_view text = args[1];
  if (what == "date") return date_json(text);
  if (what == "kana") return kana_json(text);
  if (what == "chars") return chars_json(text);
  if (what == "mynumber") return number_json(check_my_number(text));
  if (what == "corpnumber") return number_json(check_corporate_number(text));
  if (what == "phone") return phone_json(text);
  if (what == "postal") return postal_json(text, postal);
  if (what == "address") return address_json(text);
  if (what == "holidays") return holidays_json(text);
  return age_json(text, args[2]);
}

}  // namespace madoguchi::jp
