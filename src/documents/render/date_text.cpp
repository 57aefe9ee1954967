#include "documents/render/date_text.h"

#include <cstdio>

#include "documents/error.h"
#include "jp/wareki.h"

namespace madoguchi::documents::render {
namespace {

using namespace std::chrono;

constexpr hours japan_offset{9};

}  // namespace

std::string wareki_date(year_month_day date, std::string_view field) {
  auto text = jp::format_wareki(date, jp::WarekiStyle::kanji_with_western);
  if (!text) {
    throw DocumentError(DocumentErrc::invalid_input, std::string(field), text.error().message_ja,
                        text.error().message_en);
  }
  return std::move(text).value();
}

std::string wareki_date_time_jst(sys_seconds instant, std::string_view field) {
  const sys_seconds local = instant + japan_offset;
  const auto day = floor<days>(local);
  const hh_mm_ss<seconds> time{local - day};
  char clock[32];
  std::snprintf(clock, sizeof clock, " %d時%02d分", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()));
  return wareki_date(year_month_day{day}, field) + clock;
}

std::string iso_date(year_month_day date) { return jp::format_iso(date); }

std::string iso8601_jst(sys_seconds instant) {
  const sys_seconds local = instant + japan_offset;
  const auto day = floor<days>(local);
  const year_month_day date{day};
  const hh_mm_ss<seconds> time{local - day};
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d+09:00", int(date.year()), unsigned(date.month()),
                unsigned(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return text;
}

}  // namespace madoguchi::documents::render
