// CardError: why a card read did not give the card's data, as a stable code
// with a message for the clerk in Japanese and English, and the PIN tries
// left when the card said. Messages never carry the PIN or the number.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace madoguchi::counter {

enum class CardErrc {
  no_service,          // pcscd is not running
  no_reader,           // no card reader connected
  reader_unavailable,  // the reader was unplugged (or vanished) during the read
  no_card,             // no card on the reader
  card_removed,        // the card was taken away during the read
  busy,                // another program holds the card
  not_mynumber_card,   // the card has no 券面事項入力補助AP
  pin_format,          // the PIN is not four digits (nothing was sent to the card)
  pin_wrong,           // the card refused the PIN; tries_left says how many remain
  last_try,            // one try left: not sent without the clerk's explicit confirmation
  pin_blocked,         // no tries left: only the card counter can reset it
  malformed_data,      // the card's data could not be parsed
  card_failure,        // the card answered with an unexpected status
};

std::string_view card_errc_name(CardErrc code);

class CardError : public std::runtime_error {
 public:
  CardError(CardErrc code, std::optional<int> tries_left = std::nullopt, std::string detail = {});
  CardError(CardErrc code, std::string message_ja, std::string message_en);

  CardErrc code() const { return code_; }
  std::optional<int> tries_left() const { return tries_left_; }
  const std::string& message_ja() const { return message_ja_; }
  const std::string& message_en() const { return message_en_; }

 private:
  CardErrc code_;
  std::optional<int> tries_left_;
  std::string message_ja_;
  std::string message_en_;
};

}  // namespace madoguchi::counter
