// CardChannel: one exclusive session with a card on a reader, as the card
// protocol needs it. transmit() sends a command APDU and returns the response
// (data followed by the two status bytes); it throws CardError for a reader or
// card that went away. Implementations must never log what they send (a
// VERIFY carries the PIN). pcsc_channel.h talks to pcsc-lite; tests use fakes.
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::counter {

class CardChannel {
 public:
  virtual ~CardChannel() = default;
  virtual std::string transmit(std::string_view apdu) = 0;
};

}  // namespace madoguchi::counter
