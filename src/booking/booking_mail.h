// The e-mails a booking sends, Japanese first and English below: the
// confirmation, a change of time, a cancellation, the reminder the day
// before, and the notice that staff removed the slot. Each names the
// reference, the office, line, day and time, and links to the booking's own
// page (change, cancel, calendar file). Pure: builds the message only.
#pragma once

#include <string>

#include "booking/booking.h"
#include "booking/office_directory.h"
#include "notify/email_message.h"

namespace madoguchi::booking {

enum class MailKind { confirmed, changed, cancelled, reminder, slot_removed };

notify::EmailMessage booking_mail(MailKind kind, const Booking& booking, const Office& office, const Line& line,
                                  const std::string& booking_url);

// "2027年6月16日(水) 10:00〜10:30" and "Wed 16 June 2027, 10:00–10:30".
std::string when_ja(const Slot& slot);
std::string when_en(const Slot& slot);

}  // namespace madoguchi::booking
