// Following an application without an account takes the reference and its
// status code (確認コード): a random 16-character code shown once on the
// receipt and sent in the confirmation mail — never a birth date, which a
// stranger can guess within days. Wrong codes are limited per client, so a
// stranger guessing at someone's reference never locks its owner out.
#include <gtest/gtest.h>

#include <regex>

#include "casework_support.h"
#include "harness.h"
#include "platform/db/connection.h"
#include "web_client.h"

using namespace madoguchi::testing;

namespace {

const std::regex kStatusCode(R"re(data-status-code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<)re");

// Applies for bulky-waste collection on the web; returns {reference, status code on the receipt}.
std::pair<std::string, std::string> apply_on_the_web(WebClient& web, const std::string& email) {
  std::string draft = answer_bulky_waste(web, email);
  web.get(draft + "/check");
  EXPECT_EQ(web.post(draft + "/submit", {{"_version", "1"}}).status, 303);
  auto receipt = web.get(draft + "/receipt");
  std::smatch reference, code;
  EXPECT_TRUE(std::regex_search(receipt.body, reference, std::regex("MDG-[0-9A-Z]{4}-[0-9A-Z]{4}")));
  EXPECT_TRUE(std::regex_search(receipt.body, code, kStatusCode)) << receipt.body;
  return {reference.str(), code.size() > 1 ? code[1].str() : std::string()};
}

std::string mail_to(const ServerProcess& server, const std::string& recipient) {
  auto db = server.database();
  auto row = db->query_one("SELECT text_body FROM notify_email_outbox WHERE recipient = ? ORDER BY id DESC", {recipient});
  return row ? row->text(0) : std::string();
}

// Posts the status look-up form as the client `address` (through the trusted proxy).
HttpResult look_up(const ServerProcess& server, const std::string& address, const Fields& fields) {
  HttpClient http;
  const std::string forwarded = "X-Forwarded-For: " + address;
  auto page = http.get(server.url("/status"), {"Accept: text/html", forwarded});
  Fields all = fields;
  all.emplace_back("_csrf", input_value(page.body, "_csrf"));
  return http.post(server.url("/status"), form_encode(all), "application/x-www-form-urlencoded",
                   {"Accept: text/html", forwarded});
}

}  // namespace

TEST(StatusLookup, TheStatusOpensWithTheCodeFromTheReceiptOrMailAndNotWithPersonalDetails) {
  ServerProcess server;
  WebClient mine(server);
  auto [reference, code] = apply_on_the_web(mine, "owner@example.jp");
  ASSERT_FALSE(code.empty());
  EXPECT_NE(mail_to(server, "owner@example.jp").find(code), std::string::npos) << "the mail carries the code";

  WebClient stranger(server);
  stranger.get("/status");
  auto by_email = stranger.post("/status", {{"reference", reference}, {"email", "owner@example.jp"}});
  EXPECT_EQ(by_email.status, 422) << "an e-mail address someone knows is not enough";
  EXPECT_NE(by_email.body.find("確認コード"), std::string::npos);
  EXPECT_EQ(stranger.get("/status/" + reference).status, 303);

  WebClient other_device(server);
  other_device.get("/status");
  std::string typed = code;
  for (auto& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto ok = other_device.post("/status", {{"reference", reference}, {"status_code", typed}});
  EXPECT_EQ(ok.status, 303) << ok.body;
  auto page = other_device.get("/status/" + reference);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("受付済み"), std::string::npos);
}

TEST(StatusLookup, GuessesAreLimitedPerClientAndNeverLockTheOwnerOut) {
  ServerOptions options;
  options.environment = {{"MADOGUCHI_SERVER_TRUSTED_PROXIES", "127.0.0.1"}};
  ServerProcess server(options);
  auto submitted = submit_application(server, "bulky_waste_collection");
  ASSERT_FALSE(submitted.status_secret.empty());

  const std::string stranger = "203.0.113.9";
  for (int i = 0; i < 10; ++i) {
    auto wrong = look_up(server, stranger, {{"reference", submitted.reference}, {"status_code", "0000-0000-0000-0000"}});
    EXPECT_EQ(wrong.status, 422) << i;
  }
  auto blocked = look_up(server, stranger, {{"reference", submitted.reference}, {"status_code", submitted.status_secret}});
  EXPECT_EQ(blocked.status, 429) << "the guessing client is stopped, even with the right code now";

  auto owner = look_up(server, "198.51.100.20", {{"reference", submitted.reference}, {"status_code", submitted.status_secret}});
  EXPECT_EQ(owner.status, 303) << owner.body;
  HttpClient api;
  auto status = api.get(server.url("/api/v1/applications/" + submitted.reference),
                        {"Authorization: Bearer " + submitted.status_secret, "X-Forwarded-For: 198.51.100.20"});
  EXPECT_EQ(status.status, 200) << status.body;
}
