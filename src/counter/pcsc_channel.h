// PcscChannel: a CardChannel on pcsc-lite. It connects to the named reader (or,
// with no name, to the first reader holding a card) with SCARD_SHARE_EXCLUSIVE,
// and on destruction disconnects with SCARD_UNPOWER_CARD so the verified PIN
// state ends with the session. PC/SC failures become CardErrors: no pcscd, no
// reader, reader unplugged, no card, card pulled out mid-read, card in use.
// Nothing sent or received is logged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "counter/card_channel.h"

namespace madoguchi::counter {

struct ReaderStatus {
  std::string name;
  bool card_present = false;
};

// The readers pcscd knows and whether each holds a card. Throws CardError (no_service).
std::vector<ReaderStatus> list_readers();

class PcscChannel : public CardChannel {
 public:
  // Throws CardError.
  explicit PcscChannel(const std::optional<std::string>& reader_name);
  ~PcscChannel() override;
  PcscChannel(const PcscChannel&) = delete;
  PcscChannel& operator=(const PcscChannel&) = delete;

  std::string transmit(std::string_view apdu) override;

 private:
  intptr_t context_ = 0;
  intptr_t card_ = 0;
  unsigned long protocol_ = 0;
  std::string reader_;
};

}  // namespace madoguchi::counter
