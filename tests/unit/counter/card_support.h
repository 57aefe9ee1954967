// Card records for the counter's unit tests, built as the card returns them:
// the basic four items (FF20 with DF21..DF25, short or long-form lengths)
// and the individual number (FF100C and twelve digits), plus a FakeCard that
// answers APDUs like the 券面事項入力補助AP with a PIN and its tries.
#pragma once

#include <string>
#include <vector>

#include "counter/card_channel.h"
#include "counter/card_error.h"

namespace madoguchi::counter::testing {

inline std::string tlv(std::string tag, const std::string& value, bool long_form = false) {
  if (long_form || value.size() >= 0x80) {
    return tag + "\x82" + std::string(1, static_cast<char>(value.size() >> 8)) +
           std::string(1, static_cast<char>(value.size() & 0xFF)) + value;
  }
  return tag + std::string(1, static_cast<char>(value.size())) + value;
}

inline std::string four_items(const std::string& name = "髙橋\u3000𠮷子",
                              const std::string& address = "宮城県仙台市青葉区国分町三丁目7番1号",
                              const std::string& birth = "19850401", const std::string& sex = "2",
                              bool long_form = false) {
  std::string items = tlv("\xDF\x21", std::string(8, '\0'), long_form) + tlv("\xDF\x22", name, long_form) +
                      tlv("\xDF\x23", address, long_form) + tlv("\xDF\x24", birth, long_form) +
                      tlv("\xDF\x25", sex, long_form);
  return tlv("\xFF\x20", items, long_form);
}

inline std::string number_record(const std::string& digits = "123456789018") {
  return std::string("\xFF\x10\x0C") + digits + std::string(4, '\xFF');
}

// Answers like the card; records every APDU it was sent.
class FakeCard : public CardChannel {
 public:
  std::string pin = "1234";
  int tries = 3;
  bool mynumber = true;
  std::string ef0002 = four_items() + std::string(300, '\xFF');
  std::string ef0001 = number_record();
  int pull_after_reads = -1;
  std::vector<std::string> sent;

  std::string transmit(std::string_view apdu) override {
    sent.emplace_back(apdu);
    unsigned char ins = static_cast<unsigned char>(apdu[1]), p1 = static_cast<unsigned char>(apdu[2]);
    std::string data = apdu.size() > 5 ? std::string(apdu.substr(5, static_cast<unsigned char>(apdu[4]))) : "";
    if (ins == 0xA4 && p1 == 0x04) return mynumber ? ok() : sw(0x6A, 0x82);
    if (ins == 0xA4) {
      ef_ = data;
      return ok();
    }
    if (ins == 0x20) {
      if (tries == 0) return sw(0x69, 0x84);
      if (data.empty()) return sw(0x63, static_cast<unsigned char>(0xC0 | tries));
      if (data == pin) {
        verified_ = true;
        tries = 3;
        return ok();
      }
      --tries;
      return sw(0x63, static_cast<unsigned char>(0xC0 | tries));
    }
    if (ins == 0xB0) {
      if (!verified_) return sw(0x69, 0x82);
      if (pull_after_reads >= 0 && reads_++ >= pull_after_reads) throw CardError(CardErrc::card_removed);
      size_t offset = (static_cast<size_t>(p1) << 8) | static_cast<unsigned char>(apdu[3]);
      size_t length = static_cast<unsigned char>(apdu[4]);
      const std::string& file = ef_ == std::string("\x00\x01", 2) ? ef0001 : ef0002;
      return file.substr(offset, length) + ok();
    }
    return sw(0x6D, 0x00);
  }

  // VERIFY commands that carried a PIN.
  int pins_sent() const {
    int n = 0;
    for (const auto& a : sent) n += a.size() > 5 && static_cast<unsigned char>(a[1]) == 0x20;
    return n;
  }

 private:
  static std::string sw(unsigned char a, unsigned char b) { return std::string{static_cast<char>(a), static_cast<char>(b)}; }
  static std::string ok() { return sw(0x90, 0x00); }
  std::string ef_;
  bool verified_ = false;
  int reads_ = 0;
};

}  // namespace madoguchi::counter::testing
