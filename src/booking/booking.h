// A booking and its slot as stored, and the states a booking moves through:
// held (a place kept for hold_minutes while the citizen types their details)
// → confirmed → kept (checked in) or no_show; or cancelled, expired (the hold
// lapsed) or slot_removed (staff took the slot away). Pure data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::booking {

enum class Status { held, confirmed, cancelled, expired, slot_removed, kept, no_show };
std::string_view to_string(Status status);
Status status_from(std::string_view text);  // throws std::invalid_argument
// Whether the booking still holds its place (and counts for "once per day").
bool is_active(Status status);

struct Slot {
  int64_t id = 0;
  std::string office;
  std::string line;
  std::string day;  // ISO date, Japan
  int start_minute = 0;
  int end_minute = 0;
  std::string starts_at;  // ISO timestamp, UTC
  std::string ends_at;
  int capacity = 0;
  int taken = 0;
  bool removed = false;

  int free() const { return removed || taken >= capacity ? 0 : capacity - taken; }
};

struct Booking {
  int64_t id = 0;
  std::string reference;  // MDG-XXXX-XXXX
  int64_t slot_id = 0;
  std::string office;
  std::string line;
  std::string day;
  Status status = Status::held;
  std::optional<std::string> name;
  std::optional<std::string> email;
  std::string language = "ja";
  std::optional<std::string> application_reference;
  std::optional<std::string> hold_expires_at;
  int sequence = 0;
  std::string created_at;
  std::optional<std::string> confirmed_at;
  std::optional<std::string> cancelled_at;
  std::optional<std::string> reminded_at;
  std::optional<std::string> checked_in_at;
  Slot slot;  // the slot it is in
};

}  // namespace madoguchi::booking
