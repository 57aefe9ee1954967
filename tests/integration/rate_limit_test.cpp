// Per-client limits on routes where a secret can be guessed: the limit is
// reached with 429 and Retry-After, a client cannot escape it by claiming
// another address, and behind a trusted proxy each forwarded client counts
// on its own.
#include <gtest/gtest.h>

#include "harness.h"

using namespace madoguchi::testing;

namespace {

const std::string kStatusPath = "/api/v1/applications/MDG-AAAA-AAAA";

ServerOptions limited(const std::string& trusted_proxies) {
  ServerOptions o;
  o.environment = {{"MADOGUCHI_SERVER_ATTEMPTS_PER_MINUTE", "3"},
                   {"MADOGUCHI_SERVER_TRUSTED_PROXIES", trusted_proxies}};
  return o;
}

HttpResult status_as(HttpClient& http, const ServerProcess& server, const std::string& forwarded_for,
                     const std::string& accept = "application/json") {
  return http.get(server.url(kStatusPath), {"Authorization: Bearer wrong-secret", "X-Forwarded-For: " + forwarded_for,
                                            "Accept: " + accept});
}

}  // namespace

TEST(RateLimit, TheFourthGuessInAMinuteIsRefusedWhateverAddressTheClientClaims) {
  ServerProcess server(limited(""));
  HttpClient http;
  for (int i = 0; i < 3; ++i) EXPECT_NE(status_as(http, server, "198.51.100." + std::to_string(i)).status, 429);
  auto refused = status_as(http, server, "198.51.100.99");
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(refused.json()["error"]["code"], "too_many_attempts");
  EXPECT_NE(refused.json()["error"]["message"]["ja"].get<std::string>().find("秒ほど待って"), std::string::npos);
  EXPECT_GE(std::stoi(refused.header("retry-after")), 1);
  auto page = status_as(http, server, "198.51.100.99", "text/html");
  EXPECT_EQ(page.status, 429);
  EXPECT_NE(page.body.find("試行の回数が多すぎます"), std::string::npos) << page.body;
  EXPECT_EQ(http.get(server.url("/api/v1/procedures")).status, 200) << "other routes are not limited";
}

TEST(RateLimit, BehindATrustedProxyEachForwardedClientHasItsOwnAllowance) {
  ServerProcess server(limited("127.0.0.1"));
  HttpClient http;
  for (int i = 0; i < 3; ++i) EXPECT_NE(status_as(http, server, "203.0.113.7").status, 429);
  EXPECT_EQ(status_as(http, server, "203.0.113.7").status, 429);
  EXPECT_NE(status_as(http, server, "203.0.113.8").status, 429);
  EXPECT_EQ(status_as(http, server, "203.0.113.8, 203.0.113.7").status, 429)
      << "the proxy appended the real address; the client's own entry is ignored";
}

TEST(RateLimit, AnAddressThatIsNotOneIsAConfigurationError) {
  auto [code, output] = ServerProcess::run_command({"serve", "--port", "0", "--data", "/nonexistent"},
                                                   {{"MADOGUCHI_SERVER_TRUSTED_PROXIES", "10.0.0.1, proxy.local"}});
  EXPECT_NE(code, 0);
  EXPECT_NE(output.find("server.trusted_proxies"), std::string::npos) << output;
}
