#include "identity/audit_filters.h"

#include <charconv>
#include <cstdio>
#include <optional>

#include "platform/time.h"

namespace madoguchi::identity {

namespace {

constexpr auto kTokyoOffset = std::chrono::hours(9);

std::optional<std::chrono::sys_days> parse_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto digits = [&](size_t at, size_t n, auto& out) {
    auto [ptr, ec] = std::from_chars(text.data() + at, text.data() + at + n, out);
    return ec == std::errc() && ptr == text.data() + at + n;
  };
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date);
}

// Midnight in Tokyo at the start of `day`, as stored text.
std::string tokyo_midnight(std::chrono::sys_days day) {
  return platform::iso_timestamp(platform::Clock::time_point(day) - kTokyoOffset);
}

std::string trimmed(const std::string& text) {
  size_t start = text.find_first_not_of(" \t");
  if (start == std::string::npos) return "";
  return text.substr(start, text.find_last_not_of(" \t") - start + 1);
}

}  // namespace

std::variant<AuditQuery, std::vector<FieldProblem>> parse_audit_filters(const AuditFilterInput& input) {
  AuditQuery query;
  std::vector<FieldProblem> problems;
  query.actor = trimmed(input.actor);
  query.action = trimmed(input.action);
  query.subject_id = trimmed(input.subject_id);
  std::optional<std::chrono::sys_days> from, to;
  if (!trimmed(input.from).empty()) {
    from = parse_date(trimmed(input.from));
    if (!from) problems.push_back({"from", "errors.date_invalid"});
  }
  if (!trimmed(input.to).empty()) {
    to = parse_date(trimmed(input.to));
    if (!to) problems.push_back({"to", "errors.date_invalid"});
  }
  if (from && to && *to < *from) problems.push_back({"to", "errors.date_range"});
  if (from) query.from_at = tokyo_midnight(*from);
  if (to) query.to_at = tokyo_midnight(*to + std::chrono::days(1));
  if (!input.page.empty()) {
    int page = 0;
    auto [ptr, ec] = std::from_chars(input.page.data(), input.page.data() + input.page.size(), page);
    if (ec != std::errc() || ptr != input.page.data() + input.page.size() || page < 1 || page > 100000) {
      problems.push_back({"page", "errors.page_invalid"});
    } else {
      query.page = page;
    }
  }
  if (!problems.empty()) return problems;
  return query;
}

std::string tokyo_display_time(const std::string& iso_utc) {
  try {
    auto t = std::chrono::floor<std::chrono::seconds>(platform::parse_iso_timestamp(iso_utc) + kTokyoOffset);
    auto day = std::chrono::floor<std::chrono::days>(t);
    std::chrono::year_month_day ymd{day};
    std::chrono::hh_mm_ss hms{t - day};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u %02d:%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buffer;
  } catch (const std::invalid_argument&) {
    return iso_utc;
  }
}

}  // namespace madoguchi::identity
