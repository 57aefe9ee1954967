// Bookings and the queue through the real server: the JSON booking API books
// once per request key and answers a full slot with 409 and the nearest free
// slots; the .ics download; a device that is not a kiosk gets no ticket; the
// phone page's event stream stays open, sends the ticket's state at once and
// the next change as it happens, also when the change is made on another
// node (PostgreSQL: LISTEN/NOTIFY); bad input gets clear 4xx answers.
#include <gtest/gtest.h>

#include <cstdio>

#include "harness.h"
#include "raw_socket.h"

namespace madoguchi::testing {
namespace {

// The ISO date `n` days after the tests' today.
std::string day_after(int n) {
  using namespace std::chrono;
  auto d = year_month_day{sys_days{test_today()} + days{n}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                static_cast<unsigned>(d.day()));
  return buf;
}

// The CSRF token of a page's forms.
std::string csrf_of(const std::string& html) {
  const std::string needle = "name=\"_csrf\" value=\"";
  auto at = html.find(needle);
  if (at == std::string::npos) return "";
  at += needle.size();
  return html.substr(at, html.find('"', at) - at);
}

TEST(BookingQueue, ApiBooksOnceAndAFullSlotOffersTheNearest) {
  ServerProcess server;
  HttpClient http;
  auto slots = http.get(server.url("/api/v1/booking/slots?office=aoba&line=K&day=" + day_after(2)));
  ASSERT_EQ(slots.status, 200) << slots.body;
  auto list = slots.json()["slots"];
  ASSERT_GT(list.size(), 2u);
  int64_t slot = list[0]["id"];
  nlohmann::json body = {{"office", "aoba"}, {"line", "K"}, {"slot_id", slot}, {"name", "髙橋 﨑子"},
                         {"email", "sakiko@example.jp"}, {"request_key", "k1"}};
  auto first = http.post_json(server.url("/api/v1/bookings"), body);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = http.post_json(server.url("/api/v1/bookings"), body);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.json()["reference"], first.json()["reference"]);
  body["email"] = "other@example.jp";
  body["request_key"] = "k2";
  auto full = http.post_json(server.url("/api/v1/bookings"), body);
  ASSERT_EQ(full.status, 409) << full.body;
  EXPECT_EQ(full.json()["error"]["code"], "slot_full");
  EXPECT_FALSE(full.json()["error"]["alternatives"].empty());
  EXPECT_FALSE(full.json()["error"]["message"]["ja"].get<std::string>().empty());

  std::string url = first.json()["url"];
  std::string path = url.substr(url.find("/booking/"));
  auto ics = http.get(server.url(path + "/calendar.ics"));
  EXPECT_EQ(ics.status, 200);
  EXPECT_NE(ics.header("content-type").find("text/calendar"), std::string::npos);
  EXPECT_NE(ics.body.find("METHOD:REQUEST\r\n"), std::string::npos);

  EXPECT_EQ(http.post_json(server.url("/api/v1/bookings"), {{"office", "aoba"}, {"line", "K"}, {"slot_id", "x"}}).status, 400);
  EXPECT_EQ(http.post(server.url("/api/v1/bookings"), "{not json", "application/json").status, 400);
  EXPECT_EQ(http.get(server.url("/api/v1/booking/slots?office=aoba&line=K&day=2027-02-30")).status, 400);
  EXPECT_EQ(http.get(server.url("/api/v1/booking/slots?office=nowhere&line=K&day=" + day_after(2))).status, 404);
  EXPECT_EQ(http.get(server.url("/booking/not-a-token")).status, 404);
}

TEST(BookingQueue, OnlyAKioskSetUpByStaffIssuesTickets) {
  ServerProcess server;
  HttpClient http;
  auto page = http.get(server.url("/queue/kiosk/aoba"), {"Accept: text/html"});
  ASSERT_EQ(page.status, 200);
  auto refused = http.post(server.url("/queue/kiosk/aoba/ticket"), "line=A&_csrf=" + csrf_of(page.body),
                           "application/x-www-form-urlencoded", {"Accept: text/html"});
  EXPECT_EQ(refused.status, 403) << refused.body;
}

TEST(BookingQueue, ThePhonePageStreamsItsTicket) {
  ServerProcess server;
  HttpClient http;
  // A ticket comes from a phone at an office that allows it.
  std::string csrf = csrf_of(http.get(server.url("/queue/aoba"), {"Accept: text/html"}).body);
  auto taken = http.post(server.url("/queue/aoba/take"), "line=B&_csrf=" + csrf, "application/x-www-form-urlencoded",
                         {"Accept: text/html"});
  ASSERT_EQ(taken.status, 303) << taken.body;
  std::string location = taken.header("location");
  ASSERT_EQ(location.rfind("/queue/t/", 0), 0u) << location;
  RawSocket sse(server.port());
  sse.send("GET " + location + "/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n");
  std::string first = sse.read_all(1);
  EXPECT_EQ(RawSocket::status_of(first), 200);
  EXPECT_NE(first.find("text/event-stream"), std::string::npos);
  EXPECT_NE(first.find("event: ticket"), std::string::npos);
  EXPECT_NE(first.find("\"status\":\"waiting\""), std::string::npos);
  EXPECT_EQ(first.find("Content-Length"), std::string::npos);
  // Another ticket changes the board: the open stream hears of it.
  http.post(server.url("/queue/aoba/take"), "line=C&_csrf=" + csrf, "application/x-www-form-urlencoded",
            {"Accept: text/html"});
  std::string next = sse.read_all(1);
  EXPECT_NE(next.find("event: ticket"), std::string::npos) << next;
}

TEST(BookingQueue, APhoneWatchingOnOneNodeHearsOfATicketTakenOnAnother) {
  if (!testing_postgresql()) GTEST_SKIP() << "several nodes need PostgreSQL";
  ServerProcess a;
  ServerOptions second;
  second.same_installation_as = &a;
  second.migrate = false;
  ServerProcess b(second);
  HttpClient http;
  std::string csrf = csrf_of(http.get(a.url("/queue/aoba"), {"Accept: text/html"}).body);
  auto taken = http.post(a.url("/queue/aoba/take"), "line=B&_csrf=" + csrf, "application/x-www-form-urlencoded",
                         {"Accept: text/html"});
  ASSERT_EQ(taken.status, 303) << taken.body;
  const std::string location = taken.header("location");
  RawSocket sse(b.port());
  sse.send("GET " + location + "/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n");
  std::string first = sse.read_all(2);
  EXPECT_EQ(RawSocket::status_of(first), 200);
  EXPECT_NE(first.find("\"status\":\"waiting\""), std::string::npos) << "node b reads the ticket node a issued";
  http.post(a.url("/queue/aoba/take"), "line=C&_csrf=" + csrf, "application/x-www-form-urlencoded",
            {"Accept: text/html"});
  std::string next = sse.read_all(5);
  EXPECT_NE(next.find("event: ticket"), std::string::npos) << "the change on node a reached the stream on node b: " << next;
}

}  // namespace
}  // namespace madoguchi::testing
