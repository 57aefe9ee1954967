#include "queue/queue_service.h"

#include <charconv>

#include "booking/opening.h"
#include "platform/crypto.h"
#include "platform/log.h"
#include "queue/line_order.h"

namespace madoguchi::queue {

using booking::Office;
using platform::db::Connection;
using platform::db::DbError;
using namespace std::chrono;

namespace {

std::string iso(Instant t) { return platform::iso_timestamp(t); }

std::string today(Instant now) { return platform::iso_date(platform::tokyo_date(now)); }

std::string opening_text_ja(Instant at) {
  auto d = platform::tokyo_date(at);
  static const char* days[] = {"日", "月", "火", "水", "木", "金", "土"};
  return std::to_string(static_cast<unsigned>(d.month())) + "月" + std::to_string(static_cast<unsigned>(d.day())) + "日(" +
         days[weekday{sys_days{d}}.c_encoding()] + ") " + booking::clock_text(booking::tokyo_minutes(at));
}

std::string opening_text_en(Instant at) {
  auto d = platform::tokyo_date(at);
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  return std::string(days[weekday{sys_days{d}}.c_encoding()]) + " " + platform::iso_date(d) + " at " +
         booking::clock_text(booking::tokyo_minutes(at));
}

QueueError closed_error(const Office& office, Instant now) {
  auto next = booking::next_opening(office, now);
  if (!next) {
    return QueueError("closed", 409, "この窓口は現在受付をしていません。", "This office is not taking tickets at the moment.");
  }
  return QueueError("closed", 409, "この窓口は今は閉まっています。次の受付開始は " + opening_text_ja(*next) + " です。",
                    "This office is closed now. It opens again on " + opening_text_en(*next) + ".");
}

QueueError not_found_error() {
  return QueueError("not_found", 404, "番号札が見つかりません。", "No such ticket.");
}

bool plausible_email(const std::string& e) {
  auto at = e.find('@');
  if (at == std::string::npos || at == 0 || at + 1 >= e.size() || e.size() > 254) return false;
  for (unsigned char c : e) {
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c >= 0x7f) return false;
  }
  return e.find('.', at) != std::string::npos;
}

}  // namespace

std::string office_channel(const std::string& office) { return "queue." + office; }

QueueService::QueueService(platform::db::Database& database, notify::Outbox& outbox, platform::Events& events,
                           booking::BookingService& bookings, QueueSettings settings)
    : db_(database), outbox_(outbox), events_(events), bookings_(bookings), settings_(std::move(settings)) {}

std::string QueueService::token_for(int64_t ticket_id) const {
  std::string id = std::to_string(ticket_id);
  return id + "-" + platform::crypto::mac(settings_.token_key, "ticket:" + id).substr(0, 22);
}

std::optional<Ticket> QueueService::ticket_for_token(const std::string& token) const {
  auto dash = token.find('-');
  if (dash == std::string::npos || dash == 0 || token.size() > 64) return std::nullopt;
  int64_t id = 0;
  auto [p, ec] = std::from_chars(token.data(), token.data() + dash, id);
  if (ec != std::errc() || p != token.data() + dash) return std::nullopt;
  if (!platform::crypto::constant_time_equal(token, token_for(id))) return std::nullopt;
  return ticket(id);
}

std::optional<Ticket> QueueService::ticket(int64_t id) const {
  return db_.read([&](Connection& c) { return store_.by_id(c, id); });
}

const booking::Line& QueueService::queue_line(const Office& office, const std::string& line) const {
  const booking::Line* l = office.find_line(line);
  if (!l || !l->queue) throw QueueError("unknown_line", 404, "その窓口の列はありません。", "There is no such counter line.");
  return *l;
}

void QueueService::publish(const std::string& office, const std::string& kind, const Ticket* ticket) const {
  nlohmann::json payload = {{"kind", kind}};
  if (ticket) {
    payload["label"] = ticket->label;
    payload["counter"] = ticket->counter.value_or("");
    payload["id"] = ticket->id;
  }
  try {
    events_.publish(office_channel(office), payload.dump());
  } catch (const std::exception& e) {
    platform::log::warn("queue_publish_failed", {{"office", office}, {"what", e.what()}});
  }
}

Issued QueueService::issue(const IssueRequest& r, Instant now) {
  booking::OfficeDirectory dir = directory();
  const Office* office = dir.find_office(r.office);
  if (!office) throw QueueError("unknown_office", 404, "その窓口はありません。", "There is no such office.");
  const booking::Line& line = queue_line(*office, r.line);
  if (r.source == Source::phone && !office->phone_tickets) {
    throw QueueError("phone_tickets_off", 403, "この窓口では、スマートフォンから番号札を取れません。来庁して受付機をご利用ください。",
                     "This office does not give tickets to phones. Please use the ticket machine at the office.");
  }
  if (!booking::is_open_at(*office, now)) throw closed_error(*office, now);
  if (r.email && !plausible_email(*r.email)) {
    throw QueueError("invalid_email", 400, "メールアドレスを正しく入力してください（例: taro@example.jp）。",
                     "Enter a valid e-mail address (for example taro@example.jp).");
  }
  if (r.priority_reason && !is_priority_reason(*r.priority_reason)) {
    throw QueueError("invalid_priority", 400, "優先の理由を選んでください。", "Choose a reason for priority.");
  }
  Ticket t;
  try {
    t = db_.write([&](Connection& c) {
      if (r.kiosk_id &&
          store_.issued_by_kiosk_since(c, *r.kiosk_id, iso(now - minutes(1))) >= office->queue.kiosk_tickets_per_minute) {
        throw QueueError("too_many", 429, "短い時間に番号札が多く発行されました。少し待ってからもう一度どうぞ。職員にお声がけください。",
                         "Too many tickets in a short time. Please wait a moment, or ask a member of staff.");
      }
      if (r.client_key &&
          store_.issued_to_client_since(c, *r.client_key, iso(now - hours(1))) >= office->queue.phone_tickets_per_hour) {
        throw QueueError("too_many", 429, "この端末からの番号札が多すぎます。しばらくしてからもう一度どうぞ。",
                         "Too many tickets from this device. Please try again later.");
      }
      NewTicket n;
      n.office = office->code;
      n.line = line.code;
      n.day = today(now);
      n.source = r.source;
      n.priority_reason = r.priority_reason;
      n.order_at = iso(now);
      n.issued_at = iso(now);
      n.email = r.email;
      n.kiosk_id = r.kiosk_id;
      n.client_key = r.client_key;
      return store_.issue(c, n);
    });
  } catch (const DbError& e) {
    if (!e.is_unique_violation()) throw;
    throw QueueError("already_waiting", 409, "このメールアドレスの番号札が、同じ窓口ですでに待っています。",
                     "A ticket with this e-mail address is already waiting at this counter.");
  }
  publish(office->code, "issued", &t);
  return {t, token_for(t.id)};
}

Issued QueueService::check_in(const std::string& office_code, const std::string& reference, Instant now) {
  booking::OfficeDirectory dir = directory();
  const Office* office = dir.find_office(office_code);
  if (!office) throw QueueError("unknown_office", 404, "その窓口はありません。", "There is no such office.");
  if (!booking::is_open_at(*office, now)) throw closed_error(*office, now);
  auto attempt = [&]() {
    return db_.write([&](Connection& c) {
      booking::Booking b = bookings_.check_in(c, reference, office->code, now);
      if (auto existing = store_.by_booking(c, b.reference)) return *existing;
      NewTicket n;
      n.office = office->code;
      n.line = b.line;
      n.day = today(now);
      n.source = Source::booking;
      n.booking_reference = b.reference;
      n.booked_at = b.slot.starts_at;
      n.order_at = b.slot.starts_at;
      n.issued_at = iso(now);
      n.email = b.email;
      return store_.issue(c, n);
    });
  };
  Ticket t;
  try {
    try {
      t = attempt();
    } catch (const DbError& e) {
      if (!e.is_unique_violation()) throw;
      t = attempt();
    }
  } catch (const booking::BookingError& e) {
    throw QueueError(e.code(), e.status(), e.message_ja(), e.message_en());
  }
  publish(office->code, "issued", &t);
  return {t, token_for(t.id)};
}

void QueueService::alert_near_front(Connection& c, const Office& office, const std::string& line,
                                    const std::string& day, const std::string& now) const {
  std::vector<Ticket> waiting;
  for (auto& t : store_.open_tickets(c, office.code, day)) {
    if (t.line == line && t.status == TicketStatus::waiting) waiting.push_back(std::move(t));
  }
  auto ordered = call_order(std::move(waiting), now);
  int n = std::min<int>(office.queue.alert_when_ahead, static_cast<int>(ordered.size()));
  for (int i = 0; i < n; ++i) {
    const Ticket& t = ordered[static_cast<size_t>(i)];
    if (!t.email || t.alert_sent || !store_.claim_alert(c, t.id)) continue;
    notify::EmailMessage m;
    m.to = *t.email;
    m.category = "queue_alert";
    m.subject = "【仙台市】まもなく順番です " + t.label + " / Your turn is coming: " + t.label;
    std::string url = settings_.public_url + "/queue/t/" + token_for(t.id);
    m.text_body = office.name.ja + "でお待ちの番号札 " + t.label + " の順番が近づきました（前に " + std::to_string(i) +
                  " 人）。窓口の近くでお待ちください。\n待ち状況: " + url + "\n\n----\nYour ticket " + t.label + " at " +
                  office.name.en + " will be called soon (" + std::to_string(i) +
                  " ahead of you). Please come back near the counters.\nLive status: " + url + "\n";
    outbox_.enqueue(c, m);
  }
}

std::optional<Ticket> QueueService::call_next(const std::string& office_code, const std::string& line,
                                              const std::string& counter, Instant now) {
  booking::OfficeDirectory dir = directory();
  const Office* office = dir.find_office(office_code);
  if (!office) throw QueueError("unknown_office", 404, "その窓口はありません。", "There is no such office.");
  queue_line(*office, line);
  auto called = db_.write([&](Connection& c) -> std::optional<Ticket> {
    std::vector<Ticket> waiting;
    for (auto& t : store_.open_tickets(c, office->code, today(now))) {
      if (t.line == line && t.status == TicketStatus::waiting) waiting.push_back(std::move(t));
    }
    for (const auto& t : call_order(std::move(waiting), iso(now))) {
      if (store_.call(c, t.id, counter, iso(now))) {
        alert_near_front(c, *office, line, today(now), iso(now));
        return store_.by_id(c, t.id);
      }
    }
    return std::nullopt;
  });
  if (called) publish(office->code, "called", &*called);
  return called;
}

Ticket QueueService::change(const std::string& office, int64_t ticket_id, const char* kind,
                            const std::function<bool(Connection&, const Ticket&)>& apply) {
  Ticket t = db_.write([&](Connection& c) {
    auto before = store_.by_id(c, ticket_id);
    if (!before || before->office != office) throw not_found_error();
    if (!apply(c, *before)) {
      throw QueueError("not_waiting", 409,
                       "この番号札は状態が変わっているため、その操作はできません（" + before->label + "）。画面を更新してください。",
                       "This ticket has changed state, so that cannot be done (" + before->label + "). Please refresh.");
    }
    return *store_.by_id(c, ticket_id);
  });
  publish(office, kind, &t);
  return t;
}

Ticket QueueService::call(const std::string& office, int64_t ticket_id, const std::string& counter, Instant now) {
  return change(office, ticket_id, "called",
                [&](Connection& c, const Ticket& t) { return store_.call(c, t.id, counter, iso(now)); });
}

Ticket QueueService::recall(const std::string& office_code, int64_t ticket_id, Instant now) {
  booking::OfficeDirectory dir = directory();
  const Office* office = dir.find_office(office_code);
  if (!office) throw not_found_error();
  return change(office_code, ticket_id, "called", [&](Connection& c, const Ticket& t) {
    if (t.status != TicketStatus::called) return false;
    if (t.called_at && now - platform::parse_iso_timestamp(*t.called_at) < seconds(office->queue.recall_after_seconds)) {
      throw QueueError("too_early", 409,
                       "呼び出してから " + std::to_string(office->queue.recall_after_seconds) + " 秒たつまで再呼び出しはできません。",
                       "A ticket can be called again " + std::to_string(office->queue.recall_after_seconds) +
                           " seconds after the last call.");
    }
    if (t.call_count >= office->queue.no_show_after_calls) {
      return store_.finish(c, t.id, TicketStatus::no_show, iso(now));
    }
    return store_.recall(c, t.id, iso(now));
  });
}

Ticket QueueService::finish(const std::string& office, int64_t ticket_id, TicketStatus to, Instant now) {
  return change(office, ticket_id, "finished",
                [&](Connection& c, const Ticket& t) { return store_.finish(c, t.id, to, iso(now)); });
}

Ticket QueueService::transfer(const std::string& office_code, int64_t ticket_id, const std::string& line, Instant) {
  booking::OfficeDirectory dir = directory();
  const Office* office = dir.find_office(office_code);
  if (!office) throw not_found_error();
  queue_line(*office, line);
  return change(office_code, ticket_id, "changed",
                [&](Connection& c, const Ticket& t) { return t.line != line && store_.transfer(c, t.id, line); });
}

Ticket QueueService::set_priority(const std::string& office, int64_t ticket_id, const std::optional<std::string>& reason,
                                  Instant) {
  if (reason && !is_priority_reason(*reason)) {
    throw QueueError("invalid_priority", 400, "優先の理由を選んでください。", "Choose a reason for priority.");
  }
  return change(office, ticket_id, "changed",
                [&](Connection& c, const Ticket& t) { return store_.set_priority(c, t.id, reason); });
}

Board QueueService::board(const std::string& office_code, Instant now) const {
  booking::OfficeDirectory dir = directory();
  const Office* office = dir.find_office(office_code);
  if (!office) throw not_found_error();
  Board b;
  b.office = office->code;
  b.day = today(now);
  b.open = booking::is_open_at(*office, now);
  db_.read([&](Connection& c) {
    auto open = store_.open_tickets(c, office->code, b.day);
    for (const auto& line : office->lines) {
      if (!line.queue) continue;
      BoardLine bl;
      bl.code = line.code;
      std::vector<Ticket> waiting;
      for (const auto& t : open) {
        if (t.line == line.code && t.status == TicketStatus::waiting) waiting.push_back(t);
      }
      bl.waiting = call_order(std::move(waiting), iso(now));
      int active = store_.active_counters(c, office->code, line.code, b.day, iso(now - minutes(30)));
      bl.counters = active > 0 ? active : std::max(1, line.counters);
      auto times = store_.service_times(c, office->code, line.code, 30);
      for (size_t i = 0; i < bl.waiting.size(); ++i) {
        bl.estimates.push_back(estimate_wait(static_cast<int>(i), bl.counters, times));
      }
      bl.next_wait = estimate_wait(static_cast<int>(bl.waiting.size()), bl.counters, times);
      b.lines.push_back(std::move(bl));
    }
    b.calls = store_.recent_calls(c, office->code, b.day, 8);
  });
  b.index();
  return b;
}

std::vector<LineFigures> QueueService::figures(const std::string& from_day, const std::string& to_day) const {
  return db_.read([&](Connection& c) { return store_.figures(c, from_day, to_day); });
}

}  // namespace madoguchi::queue
