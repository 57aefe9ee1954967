#include "booking/office_yaml.h"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

namespace madoguchi::booking {

namespace {

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    std::string where = file_;
    if (node.IsDefined() && node.Mark().line >= 0) where += ":" + std::to_string(node.Mark().line + 1);
    throw std::runtime_error(where + ": " + message);
  }

  void only(const YAML::Node& map, std::initializer_list<const char*> keys) const {
    if (!map.IsMap()) fail(map, "expected a mapping");
    for (const auto& item : map) {
      std::string key = item.first.as<std::string>();
      bool known = false;
      for (const char* k : keys) known = known || key == k;
      if (!known) fail(item.first, "unknown key '" + key + "'");
    }
  }

  std::string text(const YAML::Node& node, const char* what) const {
    if (!node.IsDefined() || !node.IsScalar() || node.as<std::string>().empty()) {
      fail(node, std::string(what) + " is required (text)");
    }
    return node.as<std::string>();
  }

  int number(const YAML::Node& node, const char* what, int min, int max) const {
    try {
      int v = node.as<int>();
      if (v < min || v > max) fail(node, std::string(what) + " must be from " + std::to_string(min) + " to " + std::to_string(max));
      return v;
    } catch (const YAML::Exception&) {
      fail(node, std::string(what) + " must be a whole number");
    }
  }

  bool flag(const YAML::Node& node, const char* what) const {
    try {
      return node.as<bool>();
    } catch (const YAML::Exception&) {
      fail(node, std::string(what) + " must be true or false");
    }
  }

  LocalizedText localized_text(const YAML::Node& node, const char* what) const {
    only(node, {"ja", "en", "easy"});
    return {text(node["ja"], what), text(node["en"], what), text(node["easy"], what)};
  }

  void booking_rules(const YAML::Node& node, BookingRules& r) const {
    if (!node.IsDefined()) return;
    only(node, {"slot_minutes", "capacity", "lead_minutes", "horizon_days", "hold_minutes", "once_per_person_per_day",
                "reminder", "open"});
    if (node["slot_minutes"]) r.slot_minutes = number(node["slot_minutes"], "slot_minutes", 5, 24 * 60);
    if (node["capacity"]) r.capacity = number(node["capacity"], "capacity", 0, 1000);
    if (node["lead_minutes"]) r.lead_minutes = number(node["lead_minutes"], "lead_minutes", 0, 60 * 24 * 30);
    if (node["horizon_days"]) r.horizon_days = number(node["horizon_days"], "horizon_days", 1, 366);
    if (node["hold_minutes"]) r.hold_minutes = number(node["hold_minutes"], "hold_minutes", 1, 60);
    if (node["once_per_person_per_day"]) r.once_per_person_per_day = flag(node["once_per_person_per_day"], "once_per_person_per_day");
    if (node["reminder"]) r.reminder = flag(node["reminder"], "reminder");
    if (node["open"]) r.open = flag(node["open"], "open");
  }

  void queue_rules(const YAML::Node& node, QueueRules& r) const {
    if (!node.IsDefined()) return;
    only(node, {"no_show_after_calls", "recall_after_seconds", "alert_when_ahead", "kiosk_tickets_per_minute",
                "phone_tickets_per_hour"});
    if (node["no_show_after_calls"]) r.no_show_after_calls = number(node["no_show_after_calls"], "no_show_after_calls", 1, 10);
    if (node["recall_after_seconds"]) r.recall_after_seconds = number(node["recall_after_seconds"], "recall_after_seconds", 0, 3600);
    if (node["alert_when_ahead"]) r.alert_when_ahead = number(node["alert_when_ahead"], "alert_when_ahead", 0, 50);
    if (node["kiosk_tickets_per_minute"]) r.kiosk_tickets_per_minute = number(node["kiosk_tickets_per_minute"], "kiosk_tickets_per_minute", 1, 600);
    if (node["phone_tickets_per_hour"]) r.phone_tickets_per_hour = number(node["phone_tickets_per_hour"], "phone_tickets_per_hour", 1, 100);
  }

  Line line(const YAML::Node& node, const BookingRules& defaults, const OfficeDirectory& d) const {
    only(node, {"code", "service", "name", "counters", "queue", "booking"});
    Line l;
    l.code = text(node["code"], "code");
    if (l.code.size() > 3) fail(node["code"], "a line code is one to three letters (it starts each ticket number)");
    for (char c : l.code) {
      if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) fail(node["code"], "a line code uses A–Z and 0–9");
    }
    l.service = text(node["service"], "service");
    if (!d.find_service(l.service)) fail(node["service"], "unknown service '" + l.service + "'");
    l.name = localized_text(node["name"], "name");
    if (node["counters"]) l.counters = number(node["counters"], "counters", 0, 100);
    if (node["queue"]) l.queue = flag(node["queue"], "queue");
    l.booking = defaults;
    booking_rules(node["booking"], l.booking);
    return l;
  }

  std::string file_;
};

std::optional<int> clock_minutes(std::string_view t) {
  if (t.size() != 5 || t[2] != ':') return std::nullopt;
  for (size_t i : {0u, 1u, 3u, 4u}) {
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  }
  int h = (t[0] - '0') * 10 + (t[1] - '0');
  int m = (t[3] - '0') * 10 + (t[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::optional<unsigned> weekday_of(std::string_view name) {
  static const char* names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  for (unsigned i = 0; i < 7; ++i) {
    if (name == names[i]) return i + 1;
  }
  return std::nullopt;
}

}  // namespace

std::optional<OpeningSpan> parse_span(std::string_view text) {
  if (text.size() != 11 || text[5] != '-') return std::nullopt;
  auto open = clock_minutes(text.substr(0, 5));
  auto close = clock_minutes(text.substr(6, 5));
  if (!open || !close || *open >= *close) return std::nullopt;
  return OpeningSpan{*open, *close};
}

std::vector<unsigned> parse_weekdays(std::string_view text) {
  auto dash = text.find('-');
  if (dash == std::string_view::npos) {
    auto d = weekday_of(text);
    return d ? std::vector<unsigned>{*d} : std::vector<unsigned>{};
  }
  auto from = weekday_of(text.substr(0, dash));
  auto to = weekday_of(text.substr(dash + 1));
  if (!from || !to || *from > *to) return {};
  std::vector<unsigned> out;
  for (unsigned d = *from; d <= *to; ++d) out.push_back(d);
  return out;
}

OfficeDirectory parse_office_directory(const std::string& yaml_text, const std::string& file_name) {
  Reader r(file_name);
  YAML::Node root;
  try {
    root = YAML::Load(yaml_text);
  } catch (const YAML::ParserException& e) {
    throw std::runtime_error(file_name + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
  r.only(root, {"defaults", "services", "line_sets", "offices"});
  BookingRules booking_defaults;
  QueueRules queue_defaults;
  if (root["defaults"]) {
    r.only(root["defaults"], {"booking", "queue"});
    r.booking_rules(root["defaults"]["booking"], booking_defaults);
    r.queue_rules(root["defaults"]["queue"], queue_defaults);
  }
  OfficeDirectory d;
  if (!root["services"].IsMap()) r.fail(root, "services: a mapping of service codes is required");
  for (const auto& item : root["services"]) {
    r.only(item.second, {"kind", "name", "procedures"});
    Service s;
    s.code = item.first.as<std::string>();
    auto kind = service_kind_from(r.text(item.second["kind"], "kind"));
    if (!kind) r.fail(item.second["kind"], "kind must be counter, consultation or facility");
    s.kind = *kind;
    s.name = r.localized_text(item.second["name"], "name");
    if (item.second["procedures"]) {
      for (const auto& p : item.second["procedures"]) s.procedures.push_back(r.text(p, "procedure"));
    }
    d.services.push_back(std::move(s));
  }
  std::map<std::string, YAML::Node> line_sets;
  if (root["line_sets"]) {
    for (const auto& item : root["line_sets"]) line_sets[item.first.as<std::string>()] = item.second;
  }
  if (!root["offices"].IsSequence()) r.fail(root, "offices: a list of offices is required");
  std::set<std::string> codes;
  for (const auto& node : root["offices"]) {
    r.only(node, {"code", "kind", "ward", "name", "address", "hours", "closed_on_city_holidays", "closed_dates",
                  "phone_tickets", "lines", "queue"});
    Office o;
    o.code = r.text(node["code"], "code");
    if (!codes.insert(o.code).second) r.fail(node["code"], "office code '" + o.code + "' is used twice");
    std::string kind = r.text(node["kind"], "kind");
    if (kind == "ward_office") {
      o.kind = OfficeKind::ward_office;
    } else if (kind == "branch_office") {
      o.kind = OfficeKind::branch_office;
    } else if (kind == "facility") {
      o.kind = OfficeKind::facility;
    } else {
      r.fail(node["kind"], "kind must be ward_office, branch_office or facility");
    }
    o.ward = r.text(node["ward"], "ward");
    o.name = r.localized_text(node["name"], "name");
    o.address = r.text(node["address"], "address");
    if (!node["hours"].IsMap()) r.fail(node, "hours: e.g. {mon-fri: \"08:30-17:00\"}");
    for (const auto& h : node["hours"]) {
      auto days = parse_weekdays(h.first.as<std::string>());
      if (days.empty()) r.fail(h.first, "weekdays are written mon, tue … sun or a range such as mon-fri");
      auto span = parse_span(r.text(h.second, "hours"));
      if (!span) r.fail(h.second, "hours are written HH:MM-HH:MM, opening before closing");
      for (unsigned day : days) o.hours[day] = *span;
    }
    if (node["closed_on_city_holidays"]) o.closed_on_city_holidays = r.flag(node["closed_on_city_holidays"], "closed_on_city_holidays");
    if (node["closed_dates"]) {
      for (const auto& c : node["closed_dates"]) {
        std::string v = r.text(c, "closed date");
        if (v.size() == 5 && v[2] == '-') {
          o.closed_month_days.push_back(v);
        } else if (v.size() == 10 && v[4] == '-' && v[7] == '-') {
          o.closed_dates.push_back(v);
        } else {
          r.fail(c, "a closed date is MM-DD (every year) or YYYY-MM-DD");
        }
      }
    }
    if (node["phone_tickets"]) o.phone_tickets = r.flag(node["phone_tickets"], "phone_tickets");
    o.queue = queue_defaults;
    r.queue_rules(node["queue"], o.queue);
    YAML::Node lines = node["lines"];
    if (lines.IsScalar()) {
      auto it = line_sets.find(lines.as<std::string>());
      if (it == line_sets.end()) r.fail(lines, "unknown line set '" + lines.as<std::string>() + "'");
      lines = it->second;
    }
    if (!lines.IsSequence() || lines.size() == 0) r.fail(node, "lines: a list of lines or the name of a line set");
    std::set<std::string> line_codes;
    for (const auto& l : lines) {
      Line line = r.line(l, booking_defaults, d);
      if (!line_codes.insert(line.code).second) r.fail(l, "line code '" + line.code + "' is used twice in " + o.code);
      o.lines.push_back(std::move(line));
    }
    d.offices.push_back(std::move(o));
  }
  return d;
}

OfficeDirectory load_office_directory(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot read the office directory");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_office_directory(text.str(), file.string());
}

}  // namespace madoguchi::booking

namespace madoguchi::booking {

std::optional<std::map<unsigned, OpeningSpan>> parse_hours(std::string_view text) {
  std::map<unsigned, OpeningSpan> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find_first_of(",、", start);
    std::string part(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    while (!part.empty() && (part.front() == ' ' || part.front() == '\t')) part.erase(part.begin());
    while (!part.empty() && (part.back() == ' ' || part.back() == '\t')) part.pop_back();
    if (!part.empty()) {
      auto space = part.find(' ');
      if (space == std::string::npos) return std::nullopt;
      auto days = parse_weekdays(part.substr(0, space));
      std::string span_text = part.substr(space + 1);
      while (!span_text.empty() && span_text.front() == ' ') span_text.erase(span_text.begin());
      auto span = parse_span(span_text);
      if (days.empty() || !span) return std::nullopt;
      for (unsigned d : days) out[d] = *span;
    }
    if (end == std::string_view::npos) break;
    start = end + (text.compare(end, 3, "、") == 0 ? 3 : 1);
  }
  if (out.empty()) return std::nullopt;
  return out;
}

std::string hours_text(const std::map<unsigned, OpeningSpan>& hours) {
  static const char* names[] = {"", "mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  auto span_text = [](const OpeningSpan& s) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%02d:%02d-%02d:%02d", s.open / 60, s.open % 60, s.close / 60, s.close % 60);
    return std::string(buf);
  };
  std::string out;
  auto it = hours.begin();
  while (it != hours.end()) {
    auto first = it;
    auto last = it;
    ++it;
    while (it != hours.end() && it->first == last->first + 1 && it->second.open == first->second.open &&
           it->second.close == first->second.close) {
      last = it;
      ++it;
    }
    if (!out.empty()) out += ", ";
    out += names[first->first];
    if (last->first != first->first) out += std::string("-") + names[last->first];
    out += " " + span_text(first->second);
  }
  return out;
}

}  // namespace madoguchi::booking
