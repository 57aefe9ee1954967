// CardReader: the one adapter through which the counter reads a My Number card,
// so a next-generation card (planned from about 2026: no sex on the face,
// furigana and romaji added) can get its own implementation without touching
// the pages or the bridge. InputSupportAp reads today's card's
// 券面事項入力補助AP over any CardChannel: the card is recognised by selecting
// the AP (never by its ATR); the PIN tries left are asked first without
// spending one; a PIN is never sent when the card has no tries left (blocked:
// the citizen goes to the card counter) or, without the clerk's explicit
// confirmation, when one try is left.
#pragma once

#include <optional>
#include <string>

#include "counter/card_channel.h"
#include "counter/card_data.h"
#include "counter/card_error.h"

namespace madoguchi::counter {

struct CardReadRequest {
  std::string pin;                 // four ASCII digits
  bool individual_number = false;  // read EF 0001 too (only where the procedure needs it)
  bool confirm_last_try = false;   // the clerk confirmed spending the last try
};

struct CardReading {
  CardFourItems items;
  std::optional<std::string> individual_number;
};

class CardReader {
 public:
  virtual ~CardReader() = default;
  // Throws CardError.
  virtual int pin_tries_left() = 0;
  // Throws CardError (CardDataError from parsing is turned into malformed_data).
  virtual CardReading read(const CardReadRequest& request) = 0;
};

class InputSupportAp : public CardReader {
 public:
  explicit InputSupportAp(CardChannel& channel) : channel_(channel) {}
  int pin_tries_left() override;
  CardReading read(const CardReadRequest& request) override;

 private:
  void select_ap();
  void select_ef(unsigned char high, unsigned char low);
  int tries_without_spending();
  std::string read_binary(size_t offset, size_t length);

  CardChannel& channel_;
};

}  // namespace madoguchi::counter
