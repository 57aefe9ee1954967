#include "counter/card_reader.h"

#include <algorithm>

namespace madoguchi::counter {

namespace {

constexpr unsigned char kAid[] = {0xD3, 0x92, 0x10, 0x00, 0x31, 0x00, 0x01, 0x01, 0x04, 0x08};
constexpr size_t kHeadBytes = 7;
constexpr size_t kMaxShortRead = 0xFF;
constexpr size_t kMaxRecord = 4096;

struct Answer {
  std::string data;
  unsigned sw = 0;
};

Answer split(const std::string& response) {
  if (response.size() < 2) throw CardError(CardErrc::card_failure, std::nullopt, "short response");
  Answer a;
  a.data = response.substr(0, response.size() - 2);
  a.sw = (static_cast<unsigned>(static_cast<unsigned char>(response[response.size() - 2])) << 8) |
         static_cast<unsigned char>(response.back());
  return a;
}

std::string bytes(std::initializer_list<unsigned char> list) { return std::string(list.begin(), list.end()); }

bool pin_is_four_digits(const std::string& pin) {
  return pin.size() == 4 && std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void InputSupportAp::select_ap() {
  std::string apdu = bytes({0x00, 0xA4, 0x04, 0x0C, sizeof kAid});
  apdu.append(reinterpret_cast<const char*>(kAid), sizeof kAid);
  Answer a = split(channel_.transmit(apdu));
  if (a.sw != 0x9000) throw CardError(CardErrc::not_mynumber_card);
}

void InputSupportAp::select_ef(unsigned char high, unsigned char low) {
  Answer a = split(channel_.transmit(bytes({0x00, 0xA4, 0x02, 0x0C, 0x02, high, low})));
  if (a.sw != 0x9000) throw CardError(CardErrc::not_mynumber_card);
}

int InputSupportAp::tries_without_spending() {
  select_ef(0x00, 0x11);
  Answer a = split(channel_.transmit(bytes({0x00, 0x20, 0x00, 0x80})));
  if ((a.sw & 0xFFF0) == 0x63C0) return static_cast<int>(a.sw & 0x0F);
  if (a.sw == 0x6984 || a.sw == 0x6983) return 0;
  if (a.sw == 0x9000) return 3;  // already verified in this session: nothing is at stake
  throw CardError(CardErrc::card_failure, std::nullopt, "VERIFY status");
}

std::string InputSupportAp::read_binary(size_t offset, size_t length) {
  std::string apdu = bytes({0x00, 0xB0, static_cast<unsigned char>((offset >> 8) & 0x7F),
                            static_cast<unsigned char>(offset & 0xFF), static_cast<unsigned char>(length)});
  Answer a = split(channel_.transmit(apdu));
  if (a.sw != 0x9000 || a.data.size() != length) {
    throw CardError(CardErrc::malformed_data, std::nullopt, "READ BINARY");
  }
  return a.data;
}

int InputSupportAp::pin_tries_left() {
  select_ap();
  return tries_without_spending();
}

CardReading InputSupportAp::read(const CardReadRequest& request) {
  if (!pin_is_four_digits(request.pin)) throw CardError(CardErrc::pin_format);
  select_ap();
  int tries = tries_without_spending();
  if (tries <= 0) throw CardError(CardErrc::pin_blocked, 0);
  if (tries == 1 && !request.confirm_last_try) throw CardError(CardErrc::last_try, 1);
  std::string verify = bytes({0x00, 0x20, 0x00, 0x80, 0x04}) + request.pin;
  Answer verified = split(channel_.transmit(verify));
  if ((verified.sw & 0xFFF0) == 0x63C0) {
    int left = static_cast<int>(verified.sw & 0x0F);
    throw CardError(left == 0 ? CardErrc::pin_blocked : CardErrc::pin_wrong, left);
  }
  if (verified.sw == 0x6984 || verified.sw == 0x6983) throw CardError(CardErrc::pin_blocked, 0);
  if (verified.sw != 0x9000) throw CardError(CardErrc::card_failure, std::nullopt, "VERIFY status");

  CardReading reading;
  try {
    select_ef(0x00, 0x02);
    std::string record = read_binary(0, kHeadBytes);
    size_t total = four_items_record_size(record);
    if (total > kMaxRecord) throw CardDataError("bad_length", "基本4情報が長すぎます", "the four items are too long");
    while (record.size() < total) {
      record += read_binary(record.size(), std::min(kMaxShortRead, total - record.size()));
    }
    reading.items = parse_four_items(record.substr(0, total));
    if (request.individual_number) {
      select_ef(0x00, 0x01);
      reading.individual_number = parse_individual_number(read_binary(0, 15));
    }
  } catch (const CardDataError& e) {
    throw CardError(CardErrc::malformed_data, e.message_ja(), e.message_en());
  }
  return reading;
}

}  // namespace madoguchi::counter
