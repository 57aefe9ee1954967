// The HTTP server's promises, against the real binary: limits answered with
// clear 4xx JSON, never a crash; graceful shutdown finishes in-flight work.
#include <gtest/gtest.h>

#include <signal.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "harness.h"
#include "raw_socket.h"

using namespace madoguchi::testing;

namespace {
ServerOptions quick_timeouts() {
  ServerOptions o;
  o.environment = {{"MADOGUCHI_SERVER_REQUEST_TIMEOUT_SECONDS", "2"},
                   {"MADOGUCHI_SERVER_IDLE_TIMEOUT_SECONDS", "2"},
                   {"MADOGUCHI_SERVER_MAX_BODY_BYTES", "65536"},
                   {"MADOGUCHI_SERVER_SHUTDOWN_GRACE_SECONDS", "10"}};
  return o;
}
}  // namespace

class Server : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new ServerProcess(quick_timeouts()); }
  static void TearDownTestSuite() { delete server; }
  static ServerProcess* server;
  HttpClient http;
};
ServerProcess* Server::server = nullptr;

TEST_F(Server, HealthReadinessAndMetrics) {
  EXPECT_EQ(http.get(server->url("/healthz")).json()["status"], "ok");
  auto ready = http.get(server->url("/readyz"));
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.json()["checks"]["database"], "ok");
  auto metrics = http.get(server->url("/metrics"));
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"}"), std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("http_request_duration_seconds_bucket"), std::string::npos);
}

TEST_F(Server, UnknownPathIsJson404AndWrongMethodIs405WithAllow) {
  auto missing = http.get(server->url("/no/such/page"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json()["error"]["code"], "not_found");
  EXPECT_FALSE(missing.json()["error"]["message"]["ja"].get<std::string>().empty());
  auto wrong = http.request("DELETE", server->url("/healthz"), "", {});
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("allow"), "GET");
}

TEST_F(Server, BrowsersGetErrorPagesInTheirLanguage) {
  auto ja = http.get(server->url("/no/such/page"), {"Accept: text/html,application/xhtml+xml"});
  EXPECT_EQ(ja.status, 404);
  EXPECT_NE(ja.header("content-type").find("text/html"), std::string::npos);
  EXPECT_NE(ja.body.find("<html lang=\"ja\">"), std::string::npos);
  EXPECT_NE(ja.body.find("お探しのページは見つかりませんでした。"), std::string::npos);
  auto en = http.get(server->url("/no/such/page?lang=en"), {"Accept: text/html"});
  EXPECT_NE(en.body.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en.body.find("The requested resource was not found."), std::string::npos);
  EXPECT_NE(en.header("set-cookie").find("lang=en"), std::string::npos);
}

TEST_F(Server, StaticFilesWithEtagAndNoTraversal) {
  auto css = http.get(server->url("/static/css/site.css"));
  EXPECT_EQ(css.status, 200);
  EXPECT_NE(css.header("content-type").find("text/css"), std::string::npos);
  auto etag = css.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(http.get(server->url("/static/css/site.css"), {"If-None-Match: " + etag}).status, 304);
  EXPECT_EQ(http.get(server->url("/static/vendor/design-tokens/tokens.css")).status, 200);
  EXPECT_EQ(http.get(server->url("/static/%2e%2e/%2e%2e/CMakeLists.txt")).status, 404);
  EXPECT_EQ(http.get(server->url("/static/css/.hidden")).status, 404);
}

TEST_F(Server, SecurityHeadersOnEveryResponse) {
  auto r = http.get(server->url("/no/such/page"));
  EXPECT_NE(r.header("content-security-policy").find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.header("x-frame-options"), "DENY");
}

TEST_F(Server, OversizedBodyIs413) {
  std::string big(200000, 'x');
  auto r = http.post(server->url("/healthz"), big, "application/json");
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.json()["error"]["code"], "payload_too_large");
}

TEST_F(Server, OversizedHeaderIs431) {
  RawSocket s(server->port());
  s.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40000, 'a') + "\r\n\r\n");
  EXPECT_EQ(RawSocket::status_of(s.read_all()), 431);
}

TEST_F(Server, MalformedRequestIs400) {
  RawSocket s(server->port());
  s.send("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_EQ(RawSocket::status_of(s.read_all()), 400);
}

TEST_F(Server, SlowBodyGets408) {
  RawSocket s(server->port());
  s.send("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\"");
  std::string reply = s.read_all(10);
  EXPECT_EQ(RawSocket::status_of(reply), 408) << reply;
}

TEST_F(Server, SilentConnectionIsClosedWithoutAnswer) {
  RawSocket s(server->port());
  EXPECT_EQ(s.read_all(10), "");
}

TEST_F(Server, KeepAliveServesSeveralRequestsOnOneConnection) {
  RawSocket s(server->port());
  s.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string reply = s.read_all();
  size_t first = reply.find("HTTP/1.1 200");
  ASSERT_NE(first, std::string::npos);
  EXPECT_NE(reply.find("HTTP/1.1 200", first + 1), std::string::npos);
}

TEST(ServerShutdown, SigtermFinishesTheRequestInFlightAndExitsZero) {
  ServerProcess server(quick_timeouts());
  RawSocket s(server.port());
  s.send("POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::thread stopper([&] { EXPECT_EQ(server.stop(SIGTERM), 0); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  s.send("}");
  std::string reply = s.read_all();
  stopper.join();
  EXPECT_EQ(RawSocket::status_of(reply), 405) << reply;
  EXPECT_NE(reply.find("Connection: close"), std::string::npos) << reply;
}

TEST(ServerShutdown, NewConnectionsAreRefusedAfterStop) {
  ServerProcess server(quick_timeouts());
  int port = server.port();
  EXPECT_EQ(server.stop(SIGTERM), 0);
  EXPECT_THROW(RawSocket s(port), std::runtime_error);
}

TEST(AccessLog, JsonLinesWithoutQueryStringsOrSecretTokens) {
  ServerOptions options;
  auto log_file = std::filesystem::temp_directory_path() / ("madoguchi-access-" + std::to_string(::getpid()) + ".log");
  std::filesystem::remove(log_file);
  options.environment["MADOGUCHI_LOG_ACCESS"] = log_file.string();
  {
    ServerProcess server(options);
    HttpClient http;
    http.get(server.url("/healthz?secret=query-value"));
    http.get(server.url("/account/verify/TOKEN-VALUE-123456"));
    server.stop(SIGTERM);
  }
  std::ifstream in(log_file);
  std::string line, all;
  int lines = 0;
  while (std::getline(in, line)) {
    all += line + "\n";
    auto entry = nlohmann::json::parse(line);
    EXPECT_TRUE(entry.contains("status"));
    EXPECT_TRUE(entry.contains("ms"));
    ++lines;
  }
  EXPECT_GE(lines, 2);
  EXPECT_EQ(all.find("query-value"), std::string::npos) << all;
  EXPECT_EQ(all.find("TOKEN-VALUE-123456"), std::string::npos) << all;
  EXPECT_NE(all.find("/account/verify/{token}"), std::string::npos) << all;
  std::filesystem::remove(log_file);
}

// A token in a path that matches no route (a verify link with a slash added,
// a reset link with more after it, any path at all) is not logged either:
// every segment shaped like a random token is redacted, whatever the route.
TEST(AccessLog, TokenShapedSegmentsAreRedactedInPathsNoRouteMatches) {
  ServerOptions options;
  auto log_file = std::filesystem::temp_directory_path() / ("madoguchi-access-tokens-" + std::to_string(::getpid()) + ".log");
  std::filesystem::remove(log_file);
  options.environment["MADOGUCHI_LOG_ACCESS"] = log_file.string();
  const std::string verify = "q8Zr3VbXk1Lw0PmN7sTcYf2HdJg5AeUo9iKx4RtWnBq";
  const std::string reset = "Xy7_kP2-mQ9rT4vW8zL3nB6cF1hJ5dS0gA";
  const std::string hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  {
    ServerProcess server(options);
    HttpClient http;
    EXPECT_EQ(http.get(server.url("/account/verify/" + verify + "/")).status, 404);
    EXPECT_EQ(http.get(server.url("/account/reset/" + reset + "/more")).status, 404);
    EXPECT_EQ(http.get(server.url("/nothing/here/" + hex)).status, 404);
    EXPECT_EQ(http.get(server.url("/procedures/residence_certificate/extra")).status, 404);
    server.stop(SIGTERM);
  }
  std::ifstream in(log_file);
  std::stringstream all;
  all << in.rdbuf();
  const std::string text = all.str();
  for (const auto& token : {verify, reset, hex}) EXPECT_EQ(text.find(token), std::string::npos) << text;
  EXPECT_NE(text.find("/account/verify/{redacted}/"), std::string::npos) << text;
  EXPECT_NE(text.find("/account/reset/{redacted}/more"), std::string::npos) << text;
  EXPECT_NE(text.find("/nothing/here/{redacted}"), std::string::npos) << text;
  EXPECT_NE(text.find("/procedures/residence_certificate/extra"), std::string::npos) << text;
  std::filesystem::remove(log_file);
}
