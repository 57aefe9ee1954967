// Whatever day it is: `madoguchi seed --demo` and the server run under
// faketime (libfaketime, the whole process on another day, not only our own
// clock) on a leap day, on 29 December (the year-end closure), on 31 March
// (the last day of the 年度) and two years from now, and every procedure
// accepts its demo answers, dates resolved for that day, through the API.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>

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

// The first channel the procedure offers, as the API names it.
std::string channel_of(const nlohmann::json& procedure) {
  const auto& channels = procedure["channels"];
  if (channels["online"].get<bool>()) return "online";
  if (channels["counter_pre_entry"].get<bool>()) return "counter";
  return "mail";
}

class AnyDay : public ::testing::TestWithParam<std::string> {};

TEST_P(AnyDay, DemoSeedsAndEveryProcedureAcceptsItsSampleThroughTheApi) {
  ServerOptions options;
  options.seed_demo = true;
  options.faketime = GetParam();
  options.environment = {{"TZ", "Asia/Tokyo"}};
  ServerProcess server(options);
  HttpClient http;
  auto listing = http.get(server.url("/api/v1/procedures"));
  ASSERT_EQ(listing.status, 200);
  const auto procedures = listing.json()["procedures"];
  ASSERT_GE(procedures.size(), 12u);
  for (const auto& procedure : procedures) {
    const std::string id = procedure["id"];
    SCOPED_TRACE(id);
    auto answers = sample_answers(id, day_of(GetParam()));
    upload_files(http, server, answers);
    auto answered = http.post_json(server.url("/api/v1/procedures/" + id + "/applications"),
                                   {{"answers", answers}, {"channel", channel_of(procedure)}});
    EXPECT_EQ(answered.status, 201) << answered.body;
  }
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
