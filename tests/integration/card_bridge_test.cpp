// `madoguchi card-bridge` against a real PC/SC stack (pcscd + vpcd, a virtual
// My Number card from tests/support/card_stack.py): pairing, the origin and
// host checks with CORS preflights, the four items and the individual number
// read exactly (髙, 𠮷 flagged), and every bad card: a wrong PIN with the
// tries left, the last try held back, a blocked card never tried again, a
// card that is not a My Number card, a card pulled out mid-read, malformed
// and long-form records, no card, no pcscd. Nothing logs the PIN or the number.
#include <gtest/gtest.h>

#include "card_stack.h"
#include "harness.h"

using namespace madoguchi::testing;

namespace {

const std::string kOrigin = "http://127.0.0.1:8080";

struct Bridge {
  CardStack stack;
  CardBridgeProcess bridge{stack.socket(), kOrigin};
  HttpClient http;
  std::string token;

  std::vector<std::string> headers() const {
    std::vector<std::string> h = {"Origin: " + kOrigin};
    if (!token.empty()) h.push_back("Authorization: Bearer " + token);
    return h;
  }
  void pair() {
    auto r = http.post_json(bridge.url("/v1/pair"), {{"code", bridge.pairing_code()}}, headers());
    ASSERT_EQ(r.status, 200) << r.body;
    token = r.json()["token"];
  }
  HttpResult read(const nlohmann::json& request) { return http.post_json(bridge.url("/v1/card/read"), request, headers()); }
  std::string error_code(const HttpResult& r) { return r.json()["error"]["code"]; }
};

TEST(CardBridge, ReadsTheCardThroughPcscExactly) {
  Bridge b;
  b.stack.insert(test_card({{"pin", "7395"}}));
  b.pair();
  auto status = b.http.get(b.bridge.url("/v1/status"), b.headers());
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_TRUE(status.json()["paired"]);
  EXPECT_EQ(status.json()["readers"][0]["card_present"], true) << status.body;
  EXPECT_EQ(status.header("access-control-allow-origin"), kOrigin);

  auto tries = b.http.post_json(b.bridge.url("/v1/card/tries"), nlohmann::json::object(), b.headers());
  EXPECT_EQ(tries.json()["tries_left"], 3) << tries.body;

  auto r = b.read({{"pin", "7395"}, {"individual_number", true}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto card = r.json()["card"];
  EXPECT_EQ(card["name"], "髙橋\u3000𠮷子");
  EXPECT_EQ(card["address"], "宮城県仙台市青葉区国分町三丁目7番1号");
  EXPECT_EQ(card["birth_date"], "1985-04-01");
  EXPECT_EQ(card["sex_code"], 2);
  EXPECT_EQ(card["individual_number"], "123456789018");
  ASSERT_EQ(card["flagged"].size(), 2u);
  EXPECT_EQ(card["flagged"][0]["character"], "髙");
  EXPECT_EQ(card["flagged"][1]["character"], "𠮷");

  auto without = b.read({{"pin", "7395"}});
  EXPECT_FALSE(without.json()["card"].contains("individual_number")) << "read only where asked";
  std::string log = b.bridge.output();
  EXPECT_EQ(log.find("7395"), std::string::npos) << "the PIN is never logged";
  EXPECT_EQ(log.find("123456789018"), std::string::npos) << "the number is never logged";
}

TEST(CardBridge, AnswersOnlyThePairedPageOfItsOrigin) {
  Bridge b;
  b.stack.insert(test_card());
  auto no_origin = b.http.get(b.bridge.url("/v1/status"));
  EXPECT_EQ(no_origin.status, 403);
  auto other = b.http.get(b.bridge.url("/v1/status"), {"Origin: https://evil.example"});
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(other.header("access-control-allow-origin"), "");
  auto preflight = b.http.request("OPTIONS", b.bridge.url("/v1/card/read"), "",
                                  {"Origin: " + kOrigin, "Access-Control-Request-Method: POST",
                                   "Access-Control-Request-Headers: authorization, content-type",
                                   "Access-Control-Request-Private-Network: true"});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.header("access-control-allow-origin"), kOrigin);
  EXPECT_EQ(preflight.header("access-control-allow-private-network"), "true");
  auto rebound = b.http.get(b.bridge.url("/v1/status"), {"Origin: " + kOrigin, "Host: attacker.example"});
  EXPECT_EQ(rebound.status, 421) << "a DNS-rebound Host is refused";

  auto unpaired = b.read({{"pin", "1234"}});
  EXPECT_EQ(unpaired.status, 401);
  EXPECT_EQ(b.error_code(unpaired), "unpaired");
  std::string good = b.bridge.pairing_code();
  for (int i = 0; i < 5; ++i) {
    auto wrong = b.http.post_json(b.bridge.url("/v1/pair"), {{"code", "000000"}}, b.headers());
    EXPECT_EQ(wrong.status, 403);
  }
  EXPECT_NE(b.bridge.pairing_code(), good) << "five wrong codes void the code";
  auto stale = b.http.post_json(b.bridge.url("/v1/pair"), {{"code", good}}, b.headers());
  EXPECT_EQ(stale.status, 403);
  b.pair();
  EXPECT_EQ(b.read({{"pin", "1234"}}).status, 200);
}

TEST(CardBridge, AWrongPinSaysTheTriesLeftAndTheLastTryIsHeldBack) {
  Bridge b;
  b.stack.insert(test_card({{"tries", 2}}));
  b.pair();
  auto wrong = b.read({{"pin", "0000"}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(b.error_code(wrong), "pin_wrong");
  EXPECT_EQ(wrong.json()["error"]["tries_left"], 1);
  EXPECT_NE(wrong.json()["error"]["message_ja"].get<std::string>().find("残りの試行回数は1回"), std::string::npos);

  auto held = b.read({{"pin", "0000"}});
  EXPECT_EQ(b.error_code(held), "last_try") << held.body;
  auto tries = b.http.post_json(b.bridge.url("/v1/card/tries"), nlohmann::json::object(), b.headers());
  EXPECT_EQ(tries.json()["tries_left"], 1) << "no try was spent";

  auto spent = b.read({{"pin", "0000"}, {"confirm_last_try", true}});
  EXPECT_EQ(b.error_code(spent), "pin_blocked");
  auto blocked = b.read({{"pin", "1234"}, {"confirm_last_try", true}});
  EXPECT_EQ(b.error_code(blocked), "pin_blocked");
  EXPECT_NE(blocked.json()["error"]["message_ja"].get<std::string>().find("窓口"), std::string::npos);
}

TEST(CardBridge, NamesEachBadCard) {
  Bridge b;
  b.pair();
  b.stack.insert(test_card({{"tries", 0}}));
  EXPECT_EQ(b.error_code(b.read({{"pin", "1234"}})), "pin_blocked");
  b.stack.insert(test_card({{"not_mynumber", true}}));
  EXPECT_EQ(b.error_code(b.read({{"pin", "1234"}})), "not_mynumber_card");
  b.stack.insert(test_card({{"pull_after_reads", 1}}));
  EXPECT_EQ(b.error_code(b.read({{"pin", "1234"}})), "card_removed");
  b.stack.insert(test_card({{"truncated", true}}));
  EXPECT_EQ(b.error_code(b.read({{"pin", "1234"}})), "malformed_data");
  b.stack.insert(test_card({{"bad_birth", true}}));
  EXPECT_EQ(b.error_code(b.read({{"pin", "1234"}})), "malformed_data");
  b.stack.insert(test_card({{"long_form", true}}));
  auto long_form = b.read({{"pin", "1234"}});
  EXPECT_EQ(long_form.status, 200) << long_form.body;
  EXPECT_EQ(b.read({{"pin", "12"}}).json()["error"]["code"], "pin_format");
  b.stack.remove();
  EXPECT_EQ(b.error_code(b.read({{"pin", "1234"}})), "no_card");
}

TEST(CardBridge, SaysWhenPcscdIsNotRunning) {
  CardBridgeProcess bridge("/nonexistent/madoguchi-pcscd.comm", kOrigin);
  HttpClient http;
  auto paired = http.post_json(bridge.url("/v1/pair"), {{"code", bridge.pairing_code()}}, {"Origin: " + kOrigin});
  ASSERT_EQ(paired.status, 200);
  std::vector<std::string> headers = {"Origin: " + kOrigin, "Authorization: Bearer " + paired.json()["token"].get<std::string>()};
  auto status = http.get(bridge.url("/v1/status"), headers);
  EXPECT_EQ(status.json()["problem"], "no_service") << status.body;
  auto read = http.post_json(bridge.url("/v1/card/read"), {{"pin", "1234"}}, headers);
  EXPECT_EQ(read.status, 503);
  EXPECT_EQ(read.json()["error"]["code"], "no_service");
  EXPECT_NE(read.json()["error"]["message_ja"].get<std::string>().find("pcscd"), std::string::npos);
}

}  // namespace
