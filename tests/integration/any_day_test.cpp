// Whatever day it is: `madoguchi seed --demo` and the server run under
// faketime (libfaketime, the whole process on another day, not only our own
// clock) on a leap day, on 29 December (the year-end closure), on 31 March
// (the last day of the 年度) and two years from now, and every procedure
// accepts its demo answers, dates resolved for that day, through the API —
// each submitted the way its identity assurance allows: anonymously online,
// by a signed-in citizen online, or entered at the counter by a clerk.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <string>

#include "casework_support.h"
#include "fixtures.h"
#include "harness.h"

using namespace madoguchi::testing;

namespace {

std::chrono::year_month_day day_of(const std::string& local_time) {
  int y = 0;
  unsigned m = 0, d = 0;
  std::sscanf(local_time.c_str(), "%d-%u-%u", &y, &m, &d);
  return std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Two years after the real today: the one place a test reads the real date,
// to choose a day to run on, never to decide what to expect.
std::string two_years_from_now() {
  const auto in_two_years = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) + std::chrono::days(731);
  const std::chrono::year_month_day day{in_two_years};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u 10:00:00", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

// Every file answer of a sample names an upload; a real upload takes its place.
void upload_files(HttpClient& http, const ServerProcess& server, nlohmann::json& value) {
  if (value.is_object() && value.contains("upload_id")) {
    const std::string boundary = "----madoguchi-any-day";
    auto uploaded = http.post(server.url("/api/v1/uploads"),
                              multipart_file("file", "scan.pdf", "application/pdf", tiny_pdf(), boundary),
                              "multipart/form-data; boundary=" + boundary);
    ASSERT_EQ(uploaded.status, 201) << uploaded.body;
    const auto saved = uploaded.json();
    value = {{"upload_id", saved["upload_id"]}, {"content_type", saved["content_type"]}, {"size", saved["size"]},
             {"filename", saved["filename"]}};
  } else if (value.is_structured()) {
    for (auto& item : value) upload_files(http, server, item);
  }
}

// Who submits a procedure, and by which channel, as its identity assurance allows.
struct Way {
  enum class Who { anyone, citizen, clerk } who;
  std::string channel;
};

Way way_for(const nlohmann::json& procedure) {
  const auto& channels = procedure["channels"];
  const std::string identity = procedure["identity_assurance"];
  if (channels["online"].get<bool>() && identity == "none") return {Way::Who::anyone, "online"};
  if (channels["online"].get<bool>() && identity == "account") return {Way::Who::citizen, "online"};
  return {Way::Who::clerk, channels["counter_pre_entry"].get<bool>() ? "counter" : "mail"};
}

class AnyDay : public ::testing::TestWithParam<std::string> {};

TEST_P(AnyDay, DemoSeedsAndEveryProcedureAcceptsItsSampleThroughTheApi) {
  ServerOptions options;
  options.seed_demo = true;
  options.faketime = GetParam();
  options.environment = {{"TZ", "Asia/Tokyo"}};
  ServerProcess server(options);
  HttpClient anyone;
  HttpClient citizen;
  sign_in_citizen(citizen, server, "any.day@example.jp");
  add_staff(server, "any.day.clerk", {"counter_clerk"}, {"all"}, {"all"});
  StaffBrowser clerk(server, "any.day.clerk");
  auto listing = anyone.get(server.url("/api/v1/procedures"));
  ASSERT_EQ(listing.status, 200);
  const auto procedures = listing.json()["procedures"];
  ASSERT_GE(procedures.size(), 12u);
  std::map<std::string, int> by_way;
  for (const auto& procedure : procedures) {
    const std::string id = procedure["id"];
    SCOPED_TRACE(id);
    const Way way = way_for(procedure);
    HttpClient& http = way.who == Way::Who::anyone ? anyone : way.who == Way::Who::citizen ? citizen : clerk.http();
    ++by_way[way.channel];
    auto answers = sample_answers(id, day_of(GetParam()));
    upload_files(anyone, server, answers);
    auto answered = http.post_json(server.url("/api/v1/procedures/" + id + "/applications"),
                                   {{"answers", answers}, {"channel", way.channel}});
    EXPECT_EQ(answered.status, 201) << answered.body;
  }
  EXPECT_GE(by_way["online"], 2) << "anyone and a signed-in citizen apply online";
  EXPECT_GE(by_way["counter"], 8) << "the rest are entered at the counter";
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param.substr(0, 10)) name += c == '-' ? '_' : c;
  return "on_" + name;
}

INSTANTIATE_TEST_SUITE_P(Days, AnyDay,
                         ::testing::Values("2028-02-29 10:00:00", "2027-12-29 10:00:00", "2028-03-31 10:00:00",
                                           two_years_from_now()),
                         test_name);

}  // namespace
