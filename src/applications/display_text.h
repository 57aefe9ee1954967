// How the citizen web words plain values in the reader's language: the
// right text of a LocalizedText, dates in 和暦 with the Western year
// (令和8年（2026年）11月22日; in English "22 November 2026 (Reiwa 8)"),
// instants in Japan time, amounts of yen and file sizes. Pure.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "forms/localized_text.h"
#include "platform/web/language.h"

namespace madoguchi::applications {

using platform::web::Language;

// The text in `language`, falling back to Japanese when it is empty.
const std::string& pick(const forms::LocalizedText& text, Language language);

std::string format_date(std::chrono::year_month_day date, Language language);
// An ISO date ("2026-11-22") formatted as above; other text is returned unchanged.
std::string format_iso_date(std::string_view iso, Language language);
// An ISO UTC timestamp shown as the date and time in Japan.
std::string format_instant(std::string_view iso_timestamp, Language language);
// "300円" / "¥300"; "無料" / "Free" for 0.
std::string format_yen(int64_t amount, Language language);
// A number with thousands separators ("4,850,000").
std::string group_thousands(std::string_view digits);
// "1.2 MB", "350 KB".
std::string format_bytes(uint64_t bytes);

}  // namespace madoguchi::applications
