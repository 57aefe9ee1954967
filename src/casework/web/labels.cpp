#include "casework/web/labels.h"

#include "applications/display_text.h"
#include "platform/time.h"

namespace madoguchi::casework {

using platform::web::Language;

std::string Labels::text(std::string_view key) const { return messages.text(language, "casework." + std::string(key)); }

std::string Labels::status(applications::Status status) const {
  const auto& w = applications::words(status);
  return language == Language::en ? w.en : w.ja;
}

std::string Labels::channel(std::string_view code) const { return text("channel." + std::string(code)); }

std::string Labels::ward(const std::optional<std::string>& code) const {
  if (!code) return text("ward_none");
  const auto* ward = catalogue.directory().find_ward(*code);
  return ward ? applications::pick(ward->name, language) : *code;
}

std::string Labels::department(std::string_view code) const {
  const auto* department = catalogue.directory().find_department(code);
  return department ? applications::pick(department->name, language) : std::string(code);
}

std::string Labels::procedure(std::string_view id) const {
  const auto* procedure = catalogue.find(id);
  return procedure ? applications::pick(procedure->name, language) : std::string(id);
}

std::string Labels::step(procedures::ApprovalStepKind kind) const {
  return text("step." + std::string(procedures::approval_step_name(kind)));
}

std::string Labels::due(DueState state) const { return text("due_state." + std::string(due_state_name(state))); }

std::string Labels::event(std::string_view kind) const {
  std::string key = "casework.event." + std::string(kind);
  std::string label = messages.text(language, key);
  return label == key ? std::string(kind) : label;
}

namespace {

// "2026-11-22T05:05:00.000Z" → "2026-11-22 14:05", the wall clock in Japan; nullopt if unreadable.
std::optional<std::string> japan_wall_clock(std::string_view iso_timestamp) {
  try {
    auto t = platform::parse_iso_timestamp(std::string(iso_timestamp)) + std::chrono::hours(9);
    std::string text = platform::iso_timestamp(t);  // written as if UTC
    return text.substr(0, 10) + " " + text.substr(11, 5);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
}

}  // namespace

std::string Labels::instant(std::string_view iso_timestamp) const {
  auto wall = japan_wall_clock(iso_timestamp);
  return wall ? day(wall->substr(0, 10)) + " " + wall->substr(11) : std::string(iso_timestamp);
}

std::string Labels::day_of(std::string_view iso_timestamp) const {
  auto wall = japan_wall_clock(iso_timestamp);
  return wall ? day(wall->substr(0, 10)) : std::string(iso_timestamp);
}

std::string clerk_day(std::string_view iso_date, Language language) {
  static constexpr const char* kJapanese[] = {"日", "月", "火", "水", "木", "金", "土"};
  static constexpr const char* kEnglish[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto date = parse_iso_date(iso_date);
  if (!date) return std::string(iso_date);
  unsigned weekday = std::chrono::weekday(std::chrono::sys_days(*date)).c_encoding();
  int year = static_cast<int>(date->year());
  unsigned month = static_cast<unsigned>(date->month());
  unsigned dom = static_cast<unsigned>(date->day());
  if (language == Language::en) {
    return std::string(kEnglish[weekday]) + " " + std::to_string(dom) + " " + kMonths[month - 1] + " " +
           std::to_string(year);
  }
  return std::to_string(year) + "/" + std::to_string(month) + "/" + std::to_string(dom) + "(" + kJapanese[weekday] + ")";
}

std::string fill(std::string text, std::initializer_list<std::pair<std::string_view, std::string>> values) {
  for (const auto& [name, value] : values) {
    std::string token = "{" + std::string(name) + "}";
    for (size_t at = text.find(token); at != std::string::npos; at = text.find(token, at + value.size())) {
      text.replace(at, token.size(), value);
    }
  }
  return text;
}

}  // namespace madoguchi::casework
