#include "booking/booking.h"

#include <stdexcept>

namespace madoguchi::booking {

namespace {
constexpr std::pair<Status, std::string_view> kNames[] = {
    {Status::held, "held"},       {Status::confirmed, "confirmed"},       {Status::cancelled, "cancelled"},
    {Status::expired, "expired"}, {Status::slot_removed, "slot_removed"}, {Status::kept, "kept"},
    {Status::no_show, "no_show"},
};
}  // namespace

std::string_view to_string(Status status) {
  for (const auto& [s, name] : kNames) {
    if (s == status) return name;
  }
  return "held";
}

Status status_from(std::string_view text) {
  for (const auto& [s, name] : kNames) {
    if (name == text) return s;
  }
  throw std::invalid_argument("unknown booking status: " + std::string(text));
}

bool is_active(Status status) {
  return status == Status::held || status == Status::confirmed || status == Status::kept || status == Status::no_show;
}

}  // namespace madoguchi::booking
