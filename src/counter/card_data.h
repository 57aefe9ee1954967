// What the My Number card's 券面事項入力補助AP holds, parsed from the bytes the
// card returns, with no I/O. EF 0002 is FF 20 <len> { DF 21 offsets, DF 22 name,
// DF 23 address, DF 24 birth date YYYYMMDD, DF 25 sex } (BER lengths, short or
// 81/82 long form), text in UTF-8; EF 0001 is FF 10 0C and twelve ASCII digits.
// Text is kept byte for byte (髙, 𠮷); characters outside JIS X 0208 are flagged,
// never dropped or replaced. Anything else is refused with CardDataError.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "jp/charset.h"

namespace madoguchi::counter {

struct CardText {
  std::string text;                                     // exactly as on the card
  std::vector<jp::UncommonCharacter> outside_jis_x_0208;  // flagged for the clerk
};

struct CardFourItems {
  CardText name;            // family and given name separated by U+3000
  CardText address;
  std::string birth_date;   // ISO "YYYY-MM-DD"
  int sex_code = 0;         // 1 male, 2 female, 9 not applicable; 0 when the card has none
};

class CardDataError : public std::runtime_error {
 public:
  CardDataError(std::string code, std::string message_ja, std::string message_en)
      : std::runtime_error(message_en), code_(std::move(code)), message_ja_(std::move(message_ja)),
        message_en_(std::move(message_en)) {}
  const std::string& code() const { return code_; }
  const std::string& message_ja() const { return message_ja_; }
  const std::string& message_en() const { return message_en_; }

 private:
  std::string code_;
  std::string message_ja_;
  std::string message_en_;
};

// A BER length at bytes[pos] (short form, 81 xx or 82 xx xx); advances pos past
// it. Nothing when the bytes end first or the form is not one of those.
std::optional<size_t> ber_length(std::string_view bytes, size_t& pos);

// The whole size of the EF 0002 record (tag, length and contents) from its first
// bytes (at least 5), so the rest can be read in short reads. Throws CardDataError.
size_t four_items_record_size(std::string_view head);

// Throws CardDataError: truncated, wrong tag, bad length, missing item, not
// UTF-8, a birth date that is not a real YYYYMMDD day, an unknown sex code.
CardFourItems parse_four_items(std::string_view record);

// The twelve digits of EF 0001, check digit verified. Throws CardDataError
// (its messages never repeat the number).
std::string parse_individual_number(std::string_view record);

}  // namespace madoguchi::counter
