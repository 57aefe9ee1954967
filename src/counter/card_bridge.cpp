#include "counter/card_bridge.h"

#include "counter/card_comparison.h"
#include "counter/pcsc_channel.h"
#include "platform/http/http_error.h"
#include "platform/http/json_body.h"
#include "platform/log.h"

namespace madoguchi::counter {

using platform::http::Request;
using platform::http::Response;

namespace {

Response error_response(int status, const std::string& code, const std::string& ja, const std::string& en) {
  return Response::json(status, {{"error", {{"code", code}, {"message_ja", ja}, {"message_en", en}}}});
}

int status_of(CardErrc code) {
  switch (code) {
    case CardErrc::no_service:
    case CardErrc::no_reader:
    case CardErrc::reader_unavailable:
    case CardErrc::no_card:
    case CardErrc::busy:
      return 503;
    case CardErrc::pin_wrong:
    case CardErrc::pin_blocked:
    case CardErrc::last_try:
      return 403;
    default:
      return 422;
  }
}

bool loopback_host(std::string_view host, uint16_t port) {
  std::string p = ":" + std::to_string(port);
  return host == "127.0.0.1" + p || host == "localhost" + p || host == "[::1]" + p;
}

std::string bearer(const Request& request) {
  auto header = request.header("Authorization");
  if (!header || header->rfind("Bearer ", 0) != 0) return "";
  return std::string(header->substr(7));
}

bool flag(const nlohmann::json& body, const char* key) {
  return body.is_object() && body.contains(key) && body[key].is_boolean() && body[key].get<bool>();
}

}  // namespace

nlohmann::json card_error_json(const CardError& error) {
  nlohmann::json e = {{"code", std::string(card_errc_name(error.code()))},
                      {"message_ja", error.message_ja()},
                      {"message_en", error.message_en()}};
  if (error.tries_left()) e["tries_left"] = *error.tries_left();
  return {{"error", e}};
}

CardBridge::CardBridge(BridgeSettings settings, BridgePairing& pairing, ChannelFactory channels)
    : settings_(std::move(settings)), pairing_(pairing), channels_(std::move(channels)) {}

platform::http::Middleware CardBridge::guard() const {
  return [origin = settings_.origin, port = settings_.port](Request& request, const platform::http::Handler& next) {
    auto sent_origin = request.header("Origin");
    auto host = request.header("Host");
    Response response;
    if (!host || !loopback_host(*host, port)) {
      response = error_response(421, "wrong_host", "このカード読取プログラムは 127.0.0.1 でだけ使えます。",
                                "The card bridge answers on 127.0.0.1 only.");
    } else if (!sent_origin || *sent_origin != origin) {
      response = error_response(403, "origin_refused", "このページからはカード読取プログラムを使えません。",
                                "This page may not use the card bridge.");
    } else if (request.method == "OPTIONS") {
      response.status = 204;
      response.headers.set("Access-Control-Allow-Methods", "GET, POST");
      response.headers.set("Access-Control-Allow-Headers", "Content-Type, Authorization");
      response.headers.set("Access-Control-Max-Age", "600");
      if (request.header("Access-Control-Request-Private-Network")) {
        response.headers.set("Access-Control-Allow-Private-Network", "true");
      }
    } else {
      response = next(request);
    }
    if (sent_origin && *sent_origin == origin) response.headers.set("Access-Control-Allow-Origin", origin);
    response.headers.set("Vary", "Origin");
    response.headers.set("Cache-Control", "no-store");
    return response;
  };
}

void CardBridge::require_paired(const Request& request) const {
  if (!pairing_.paired(bearer(request))) {
    throw platform::http::HttpError(401, "unpaired", "このページはまだカード読取プログラムと接続していません。接続コードを入力してください。",
                                    "This page is not paired with the card bridge. Type the pairing code.");
  }
}

Response CardBridge::status(const Request& request) {
  nlohmann::json readers = nlohmann::json::array();
  std::optional<std::string> problem;
  try {
    for (const auto& r : list_readers()) readers.push_back({{"name", r.name}, {"card_present", r.card_present}});
  } catch (const CardError& e) {
    problem = std::string(card_errc_name(e.code()));
  }
  nlohmann::json out = {{"service", "madoguchi-card-bridge"},
                        {"version", MADOGUCHI_VERSION},
                        {"paired", pairing_.paired(bearer(request))},
                        {"readers", readers}};
  if (problem) out["problem"] = *problem;
  return Response::json(200, out);
}

Response CardBridge::pair(const Request& request) {
  auto body = platform::http::parse_json_body(request);
  std::string code = body.is_object() && body.contains("code") && body["code"].is_string() ? body["code"].get<std::string>() : "";
  auto result = pairing_.pair(code);
  if (!result.token) {
    platform::log::warn("card_bridge.pair_refused", {{"attempts_left", result.attempts_left}});
    return error_response(403, "pairing_refused",
                          "接続コードが違います。" + std::string(result.attempts_left == 0 ? "新しい接続コードが表示されました。" : ""),
                          "The pairing code is wrong." + std::string(result.attempts_left == 0 ? " A new code is shown." : ""));
  }
  platform::log::info("card_bridge.paired");
  return Response::json(200, {{"token", *result.token}});
}

Response CardBridge::tries(const Request& request) {
  require_paired(request);
  std::lock_guard lock(card_mutex_);
  try {
    auto channel = channels_(settings_.reader);
    InputSupportAp card(*channel);
    return Response::json(200, {{"tries_left", card.pin_tries_left()}});
  } catch (const CardError& e) {
    return Response::json(status_of(e.code()), card_error_json(e));
  }
}

Response CardBridge::read(const Request& request) {
  require_paired(request);
  auto body = platform::http::parse_json_body(request);
  CardReadRequest read;
  read.pin = body.is_object() && body.contains("pin") && body["pin"].is_string() ? body["pin"].get<std::string>() : "";
  read.individual_number = flag(body, "individual_number");
  read.confirm_last_try = flag(body, "confirm_last_try");
  std::lock_guard lock(card_mutex_);
  try {
    auto channel = channels_(settings_.reader);
    InputSupportAp card(*channel);
    CardReading reading = card.read(read);
    nlohmann::json out = card_items_json(reading.items);
    if (reading.individual_number) out["individual_number"] = *reading.individual_number;
    platform::log::info("card_bridge.read", {{"individual_number", reading.individual_number.has_value()}});
    return Response::json(200, {{"card", out}});
  } catch (const CardError& e) {
    platform::log::info("card_bridge.read_failed", {{"code", std::string(card_errc_name(e.code()))}});
    return Response::json(status_of(e.code()), card_error_json(e));
  }
}

void CardBridge::register_routes(platform::http::Router& router) {
  router.get("/v1/status", [this](Request& r) { return status(r); });
  router.post("/v1/pair", [this](Request& r) { return pair(r); });
  router.post("/v1/card/tries", [this](Request& r) { return tries(r); });
  router.post("/v1/card/read", [this](Request& r) { return read(r); });
}

}  // namespace madoguchi::counter
