// The card bridge (`madoguchi card-bridge`): a small HTTP service on the counter
// PC, bound to 127.0.0.1, between the clerk's page and the card reader.
//   GET  /v1/status           bridge, version, paired (for the token sent), readers
//   POST /v1/pair {code}      the pairing code shown by the bridge → {token}
//   POST /v1/card/tries       the PIN tries left (spends none)
//   POST /v1/card/read {pin, individual_number, confirm_last_try} → {card: {…}}
// Every request must come from the configured madoguchi origin (Origin header,
// exactly) to a loopback Host (no DNS rebinding); CORS preflights are answered
// for that origin only (with Private Network Access). Card calls need the
// paired token (Authorization: Bearer) and run one at a time. Errors are
// {"error": {code, message_ja, message_en, tries_left?}}. The PIN and the
// individual number are never logged.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "counter/bridge_pairing.h"
#include "counter/card_channel.h"
#include "counter/card_reader.h"
#include "platform/http/router.h"

namespace madoguchi::counter {

struct BridgeSettings {
  std::string origin;                 // e.g. "https://madoguchi.city.example.jp"
  uint16_t port = 47100;
  std::optional<std::string> reader;  // a reader name; none: the first reader holding a card
};

// Opens a channel to the card (PcscChannel in the bridge; fakes in tests).
using ChannelFactory = std::function<std::unique_ptr<CardChannel>(const std::optional<std::string>& reader)>;

class CardBridge {
 public:
  CardBridge(BridgeSettings settings, BridgePairing& pairing, ChannelFactory channels);

  // The origin, Host and CORS checks, for every request (404s and preflights included).
  platform::http::Middleware guard() const;
  void register_routes(platform::http::Router& router);

 private:
  platform::http::Response status(const platform::http::Request& request);
  platform::http::Response pair(const platform::http::Request& request);
  platform::http::Response tries(const platform::http::Request& request);
  platform::http::Response read(const platform::http::Request& request);
  void require_paired(const platform::http::Request& request) const;

  BridgeSettings settings_;
  BridgePairing& pairing_;
  ChannelFactory channels_;
  std::mutex card_mutex_;
};

// The bridge's error body for a CardError.
nlohmann::json card_error_json(const CardError& error);

}  // namespace madoguchi::counter
