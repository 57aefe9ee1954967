// BookingError: why a booking could not be made or changed, as a stable code
// with a message in Japanese and English, and (when the slot was full) the
// nearest free slots to offer instead.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "booking/booking.h"

namespace madoguchi::booking {

class BookingError : public std::runtime_error {
 public:
  BookingError(std::string code, std::string message_ja, std::string message_en, int status = 409,
               std::vector<Slot> alternatives = {})
      : std::runtime_error(code + ": " + message_en),
        code_(std::move(code)),
        message_ja_(std::move(message_ja)),
        message_en_(std::move(message_en)),
        status_(status),
        alternatives_(std::move(alternatives)) {}

  const std::string& code() const { return code_; }
  const std::string& message_ja() const { return message_ja_; }
  const std::string& message_en() const { return message_en_; }
  int status() const { return status_; }
  const std::vector<Slot>& alternatives() const { return alternatives_; }

 private:
  std::string code_;
  std::string message_ja_;
  std::string message_en_;
  int status_;
  std::vector<Slot> alternatives_;
};

}  // namespace madoguchi::booking
