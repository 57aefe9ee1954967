#include "forms/date_rules.h"

#include <charconv>

#include "jp/age.h"
#include "jp/wareki.h"

namespace madoguchi::forms {

namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

std::optional<int> parse_digits(std::string_view text) {
  if (text.empty() || text.size() > 5) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

year_month_day clamp_day(year y, month m, day d) {
  const year_month_day_last last{y, std::chrono::month_day_last{m}};
  return year_month_day{y, m, d > last.day() ? last.day() : d};
}

}  // namespace

std::optional<year_month_day> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = parse_digits(text.substr(0, 4));
  const auto m = parse_digits(text.substr(5, 2));
  const auto d = parse_digits(text.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  const year_month_day date{year{*y}, month{static_cast<unsigned>(*m)},
                            day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<DateBound> parse_date_bound(std::string_view text) {
  DateBound bound;
  if (auto date = parse_iso_date(text)) {
    bound.kind = DateBound::Kind::absolute;
    bound.date = *date;
    return bound;
  }
  if (text.substr(0, 5) != "today") return std::nullopt;
  bound.kind = DateBound::Kind::relative;
  text.remove_prefix(5);
  if (text.empty()) return bound;
  if (text.size() < 3 || (text.front() != '+' && text.front() != '-')) return std::nullopt;
  const int sign = text.front() == '-' ? -1 : 1;
  const char unit = text.back();
  const auto amount = parse_digits(text.substr(1, text.size() - 2));
  if (!amount) return std::nullopt;
  const int limit = unit == 'y' ? 200 : unit == 'm' ? 2400 : unit == 'd' ? 73000 : -1;
  if (limit < 0 || *amount > limit) return std::nullopt;
  bound.unit = unit;
  bound.amount = sign * *amount;
  return bound;
}

std::string date_bound_text(const DateBound& bound) {
  if (bound.kind == DateBound::Kind::absolute) return jp::format_iso(bound.date);
  if (bound.amount == 0) return "today";
  std::string text = "today";
  text += bound.amount < 0 ? '-' : '+';
  text += std::to_string(bound.amount < 0 ? -bound.amount : bound.amount);
  text += bound.unit;
  return text;
}

std::optional<year_month_day> resolve_date_bound(const DateBound& bound,
                                                 std::optional<year_month_day> today) {
  if (bound.kind == DateBound::Kind::absolute) return bound.date;
  if (!today) return std::nullopt;
  switch (bound.unit) {
    case 'd':
      return year_month_day{std::chrono::sys_days{*today} + std::chrono::days{bound.amount}};
    case 'm': {
      const auto shifted = std::chrono::year_month{today->year(), today->month()} +
                           std::chrono::months{bound.amount};
      return clamp_day(shifted.year(), shifted.month(), today->day());
    }
    default:
      return clamp_day(today->year() + std::chrono::years{bound.amount}, today->month(),
                       today->day());
  }
}

std::string_view age_basis_name(AgeBasis basis) {
  switch (basis) {
    case AgeBasis::fiscal_year_start:
      return "fiscal_year_start";
    case AgeBasis::fiscal_year_end:
      return "fiscal_year_end";
    case AgeBasis::today:
      break;
  }
  return "today";
}

std::optional<AgeBasis> age_basis_from_name(std::string_view name) {
  if (name == "today") return AgeBasis::today;
  if (name == "fiscal_year_start") return AgeBasis::fiscal_year_start;
  if (name == "fiscal_year_end") return AgeBasis::fiscal_year_end;
  return std::nullopt;
}

year_month_day age_reference_day(AgeBasis basis, year_month_day today) {
  const int fy = jp::fiscal_year(today);
  switch (basis) {
    case AgeBasis::fiscal_year_start:
      return year_month_day{year{fy}, std::chrono::April, day{1}};
    case AgeBasis::fiscal_year_end:
      return year_month_day{year{fy + 1}, std::chrono::March, day{31}};
    case AgeBasis::today:
      break;
  }
  return today;
}

std::optional<int> age_from_iso(std::string_view birth_iso, year_month_day on) {
  const auto birth = parse_iso_date(birth_iso);
  if (!birth) return std::nullopt;
  auto age = jp::age_on(*birth, on);
  if (!age.ok()) return std::nullopt;
  return age.value();
}

}  // namespace madoguchi::forms
