#include "applications/display_text.h"

#include <array>
#include <cstdio>

#include "forms/date_rules.h"
#include "jp/wareki.h"
#include "platform/time.h"

namespace madoguchi::applications {

namespace {

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};

std::string english_date(std::chrono::year_month_day date) {
  std::string out = std::to_string(static_cast<unsigned>(date.day())) + " " +
                    kMonths[static_cast<unsigned>(date.month()) - 1] + " " +
                    std::to_string(static_cast<int>(date.year()));
  auto era = jp::to_wareki(date);
  if (era.ok()) out += " (" + era.value().era->name_en + " " + std::to_string(era.value().year) + ")";
  return out;
}

}  // namespace

const std::string& pick(const forms::LocalizedText& text, Language language) {
  switch (language) {
    case Language::en:
      return text.en.empty() ? text.ja : text.en;
    case Language::easy:
      return text.easy.empty() ? text.ja : text.easy;
    default:
      return text.ja;
  }
}

std::string format_date(std::chrono::year_month_day date, Language language) {
  if (language == Language::en) return english_date(date);
  auto wareki = jp::format_wareki(date, jp::WarekiStyle::kanji_with_western);
  return wareki.ok() ? wareki.value() : platform::iso_date(date);
}

std::string format_iso_date(std::string_view iso, Language language) {
  auto date = forms::parse_iso_date(iso);
  return date ? format_date(*date, language) : std::string(iso);
}

std::string format_instant(std::string_view iso_timestamp, Language language) {
  platform::Clock::time_point t;
  try {
    t = platform::parse_iso_timestamp(std::string(iso_timestamp));
  } catch (const std::exception&) {
    return std::string(iso_timestamp);
  }
  auto tokyo = t + std::chrono::hours(9);
  auto day = std::chrono::floor<std::chrono::days>(tokyo);
  std::chrono::hh_mm_ss time{std::chrono::floor<std::chrono::minutes>(tokyo - day)};
  char clock[16];
  if (language == Language::en) {
    std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()));
    return format_date(std::chrono::year_month_day{day}, language) + ", " + clock + " JST";
  }
  std::snprintf(clock, sizeof clock, "%d時%02d分", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()));
  return format_date(std::chrono::year_month_day{day}, language) + " " + clock;
}

std::string group_thousands(std::string_view digits) {
  std::string sign;
  if (!digits.empty() && digits.front() == '-') {
    sign = "-";
    digits.remove_prefix(1);
  }
  auto point = digits.find('.');
  std::string_view whole = digits.substr(0, point);
  std::string out;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(whole[i]);
  }
  if (point != std::string_view::npos) out += digits.substr(point);
  return sign + out;
}

std::string format_yen(int64_t amount, Language language) {
  if (amount == 0) return language == Language::en ? "Free" : (language == Language::easy ? "むりょう" : "無料");
  std::string number = group_thousands(std::to_string(amount));
  return language == Language::en ? "¥" + number : number + "円";
}

std::string format_bytes(uint64_t bytes) {
  char buffer[32];
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
    std::snprintf(buffer, sizeof buffer, "%llu MB", static_cast<unsigned long long>(bytes / (1024 * 1024)));
  } else if (bytes >= 1024 * 1024) {
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  } else if (bytes >= 1024) {
    std::snprintf(buffer, sizeof buffer, "%llu KB", static_cast<unsigned long long>((bytes + 1023) / 1024));
  } else {
    std::snprintf(buffer, sizeof buffer, "%llu B", static_cast<unsigned long long>(bytes));
  }
  return buffer;
}

}  // namespace madoguchi::applications
