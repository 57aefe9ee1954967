#include "booking/booking_mail.h"

#include "booking/opening.h"

namespace madoguchi::booking {

using namespace std::chrono;

std::string when_ja(const Slot& slot) {
  static const char* days[] = {"日", "月", "火", "水", "木", "金", "土"};
  auto d = parse_date(slot.day);
  if (!d) return slot.day;
  unsigned wd = weekday{sys_days{*d}}.c_encoding();
  return std::to_string(static_cast<int>(d->year())) + "年" + std::to_string(static_cast<unsigned>(d->month())) + "月" +
         std::to_string(static_cast<unsigned>(d->day())) + "日(" + days[wd] + ") " + clock_text(slot.start_minute) + "〜" +
         clock_text(slot.end_minute);
}

std::string when_en(const Slot& slot) {
  static const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* months[] = {"", "January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"};
  auto d = parse_date(slot.day);
  if (!d) return slot.day;
  unsigned wd = weekday{sys_days{*d}}.c_encoding();
  return std::string(days[wd]) + " " + std::to_string(static_cast<unsigned>(d->day())) + " " +
         months[static_cast<unsigned>(d->month())] + " " + std::to_string(static_cast<int>(d->year())) + ", " +
         clock_text(slot.start_minute) + "–" + clock_text(slot.end_minute);
}

namespace {

// What one kind of booking mail says, before the booking's own details.
struct MailText {
  const char* subject_ja;
  const char* subject_en;
  const char* lead_ja;
  const char* lead_en;
};

const MailText& text_of(MailKind kind) {
  static const MailText confirmed{
      "予約を受け付けました", "Your booking is confirmed",
      "窓口の予約を受け付けました。当日は受付機で予約票の二次元コードを読み取るか、受付番号を入力してください。",
      "Your booking is confirmed. On the day, scan the QR code on your booking page at the ticket machine, or type the reference."};
  static const MailText changed{"予約の日時を変更しました", "Your booking has moved",
                                "予約の日時を変更しました。新しい日時は次のとおりです。",
                                "Your booking has moved to the time below."};
  static const MailText cancelled{"予約を取り消しました", "Your booking is cancelled",
                                  "次の予約を取り消しました。枠はほかの方が予約できるようになりました。",
                                  "The booking below is cancelled, and its place is free for others."};
  static const MailText reminder{
      "明日のご予約のお知らせ", "Reminder: your booking is tomorrow",
      "明日、次の予約があります。都合が悪くなったときは、下のページから変更または取り消しをしてください。",
      "You have a booking tomorrow. If you cannot come, please change or cancel it on the page below."};
  static const MailText slot_removed{
      "予約の枠がなくなりました（日時を選び直してください）", "Your booking's time was withdrawn: please choose another",
      "申し訳ありません。窓口の都合により、次の予約の枠を取りやめました。下のページから別の日時を選んでください。",
      "We are sorry: the office withdrew the time of the booking below. Please choose another time on the page below."};
  switch (kind) {
    case MailKind::confirmed: return confirmed;
    case MailKind::changed: return changed;
    case MailKind::cancelled: return cancelled;
    case MailKind::reminder: return reminder;
    case MailKind::slot_removed: return slot_removed;
  }
  return confirmed;
}

}  // namespace

notify::EmailMessage booking_mail(MailKind kind, const Booking& b, const Office& office, const Line& line,
                                  const std::string& url) {
  const MailText& text = text_of(kind);
  const std::string subject_ja = text.subject_ja, subject_en = text.subject_en, lead_ja = text.lead_ja,
                    lead_en = text.lead_en;
  notify::EmailMessage m;
  m.to = b.email.value_or("");
  m.subject = "【仙台市】" + subject_ja + " " + b.reference + " / " + subject_en;
  m.category = "booking";
  m.reference = b.reference;
  m.text_body = lead_ja + "\n\n" +
                "受付番号: " + b.reference + "\n" +
                "場所: " + office.name.ja + "（" + office.address + "）\n" +
                "窓口: " + line.name.ja + "\n" +
                "日時: " + when_ja(b.slot) + "\n" +
                (b.application_reference ? "事前入力した申請: " + *b.application_reference + "\n" : "") +
                "予約の確認・変更・取り消し: " + url + "\n" +
                "カレンダーに登録: " + url + "/calendar.ics\n\n" +
                "----\n" + lead_en + "\n\n" +
                "Reference: " + b.reference + "\n" +
                "Place: " + office.name.en + " (" + office.address + ")\n" +
                "Counter: " + line.name.en + "\n" +
                "When: " + when_en(b.slot) + "\n" +
                "See, change or cancel: " + url + "\n" +
                "Add to your calendar: " + url + "/calendar.ics\n";
  return m;
}

}  // namespace madoguchi::booking
