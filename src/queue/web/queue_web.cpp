#include "queue/web/queue_web.h"

#include <charconv>

#include "platform/web/csrf.h"
#include "platform/web/language.h"

namespace madoguchi::queue {

using platform::http::Request;
using platform::http::Response;

std::string QueueWeb::lang(const Request& request) const {
  return std::string(platform::web::code(platform::web::request_language(request)));
}

std::string QueueWeb::text(const Request& request, std::string_view key) const {
  return pages.messages().text(platform::web::request_language(request), "queue." + std::string(key));
}

Response QueueWeb::page(const Request& request, const std::string& name, std::string title, nlohmann::json context,
                        int status) const {
  context["title"] = std::move(title);
  context["csrf"] = platform::web::Csrf::token(request);
  return pages.page(request, "queue/" + name, std::move(context), status);
}

Response QueueWeb::refused(const Request& request, const QueueError& error, const std::string& back_href) const {
  bool en = lang(request) == "en";
  Response r = page(request, "refused", text(request, "refused.title"),
                    {{"message", en ? error.message_en() : error.message_ja()},
                     {"message_en", error.message_en()},
                     {"show_english", !en},
                     {"code", error.code()},
                     {"back_href", back_href}},
                    error.status());
  if (error.status() == 429) r.headers.set("Retry-After", "60");
  return r;
}

std::string QueueWeb::wait_text(const Request& request, const WaitRange& range) const {
  if (range.high_minutes == 0) return text(request, "wait.none");
  std::string unit = text(request, "wait.minutes");
  if (range.low_minutes == range.high_minutes) return std::to_string(range.low_minutes) + unit;
  return std::to_string(range.low_minutes) + "〜" + std::to_string(range.high_minutes) + unit;
}

nlohmann::json QueueWeb::lines_json(const Request& request, const booking::Office& office, const Board& board) const {
  nlohmann::json out = nlohmann::json::array();
  std::string l = lang(request);
  for (const auto& bl : board.lines) {
    const booking::Line* line = office.find_line(bl.code);
    out.push_back({{"code", bl.code},
                   {"name", line ? booking::localized(line->name, l) : bl.code},
                   {"waiting", bl.waiting.size()},
                   {"counters", bl.counters},
                   {"wait", wait_text(request, bl.next_wait)}});
  }
  return out;
}

platform::http::FormFields posted_form(const Request& request) {
  if (!request.has_content_type("application/x-www-form-urlencoded")) return {};
  return platform::http::parse_urlencoded(request.body);
}

std::string posted(const platform::http::FormFields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return value.size() > 500 ? value.substr(0, 500) : value;
  }
  return "";
}

std::optional<int64_t> posted_id(const platform::http::FormFields& fields, std::string_view name) {
  std::string v = posted(fields, name);
  int64_t out = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || ec != std::errc() || p != v.data() + v.size()) return std::nullopt;
  return out;
}

}  // namespace madoguchi::queue
