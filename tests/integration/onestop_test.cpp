// The life-event one-stop through the real server without JavaScript, against bad input: a
// missing CSRF token, names of other pages, bytes that are not UTF-8, a remove button naming no
// entry; another browser opening the list; an event date in the future, long ago or beyond any
// plausible range; resuming on another device with the code; the staff view closed to citizens
// and audited for staff; and check-procedures naming a broken life event's file and line.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "casework_support.h"
#include "harness.h"
#include "platform/time.h"
#include "support/scratch.h"
#include "web_client.h"

using namespace madoguchi::testing;

namespace {

bool contains(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

std::string day_from_today(int days) {
  return madoguchi::platform::iso_date(std::chrono::sys_days{test_today()} + std::chrono::days{days});
}

Fields moving_in_situation(const std::string& moved) {
  return {{"moving_date", moved},          {"moving_from", "domestic_card"},  {"other_prefecture", "yes"},
          {"children_under_18", "no"},     {"pregnant", "no"},                {"national_health_insurance", "no"},
          {"aged_65_plus", "no"},          {"registered_seal", "no"},         {"dog", "no"},
          {"water", "no"},                 {"vehicle", "no"}};
}

class Onestop : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new ServerProcess(); }
  static void TearDownTestSuite() { delete server; }
  static ServerProcess* server;

  // Starts a bundle of `event` in `web`; returns the list's path, "/onestop/b/{id}".
  static std::string start(WebClient& web, const std::string& event) {
    web.get("/onestop/" + event);
    auto r = web.post("/onestop/" + event + "/start", {});
    std::string at = r.header("location");
    auto q = at.find("/q/");
    return q == std::string::npos ? std::string() : at.substr(0, q);
  }
};
ServerProcess* Onestop::server = nullptr;

TEST_F(Onestop, BadPostsGetAClearAnswerAndChangeNothing) {
  WebClient web(*server);
  std::string list = start(web, "moving_in");
  ASSERT_FALSE(list.empty());
  web.get(list + "/q/situation");

  auto no_csrf = web.post(list + "/q/situation", moving_in_situation(day_from_today(-3)), false);
  EXPECT_EQ(no_csrf.status, 403);

  Fields foreign = moving_in_situation(day_from_today(-3));
  foreign.emplace_back("applicant_name", "別人");
  web.get(list + "/q/situation");
  auto foreign_post = web.post(list + "/q/situation", foreign);
  EXPECT_EQ(foreign_post.status, 422);
  EXPECT_TRUE(contains(foreign_post.body, "このページにない項目")) << foreign_post.body;

  web.get(list + "/q/situation");
  Fields broken = moving_in_situation(std::string("\xff\xfe", 2));
  auto bad_bytes = web.post(list + "/q/situation", broken);
  EXPECT_EQ(bad_bytes.status, 422);
  EXPECT_TRUE(contains(bad_bytes.body, "仙台市に住み始めた日")) << "the question is named";

  web.get(list + "/q/household");
  auto remove = web.post(list + "/q/household", {{"_action", "remove:members:9999"}});
  EXPECT_EQ(remove.status, 303);
  auto nowhere = web.get(list + "/q/no_such_page");
  EXPECT_EQ(nowhere.status, 404);

  web.get(list + "/q/situation");
  EXPECT_EQ(web.post(list + "/q/situation", moving_in_situation(day_from_today(-3))).status, 303);
  auto page = web.get(list);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "転入届"));
  EXPECT_FALSE(contains(page.body, "別人"));
}

TEST_F(Onestop, AnotherBrowserCannotOpenTheListWithoutTheResumeCode) {
  WebClient mine(*server);
  std::string list = start(mine, "moving_in");
  mine.get(list + "/q/situation");
  ASSERT_EQ(mine.post(list + "/q/situation", moving_in_situation(day_from_today(-3))).status, 303);

  WebClient theirs(*server);
  auto refused = theirs.get(list);
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(contains(refused.body, "この端末では開けません"));
  EXPECT_EQ(theirs.get("/onestop/b/0000000000000000").status, 404);
  EXPECT_EQ(theirs.get("/onestop/b/..%2f..").status, 404);

  mine.get(list);
  auto saved = mine.post(list + "/save", {});
  EXPECT_EQ(saved.status, 303);
  auto code_page = mine.get(list + "/saved");
  std::string marker = "data-resume-code>";
  auto at = code_page.body.find(marker);
  ASSERT_NE(at, std::string::npos) << code_page.body;
  std::string code = code_page.body.substr(at + marker.size(), 14);

  theirs.get("/resume");
  auto resumed = theirs.post("/resume", {{"code", code}});
  EXPECT_EQ(resumed.status, 303);
  EXPECT_EQ(resumed.header("location"), list);
  EXPECT_EQ(theirs.get(list).status, 200);
  EXPECT_EQ(mine.get(list).status, 403) << "the list moved to the other device";

  theirs.get("/resume");
  auto again = theirs.post("/resume", {{"code", code}});
  EXPECT_EQ(again.status, 422) << "a resume code is used once";
}

TEST_F(Onestop, AnEventDateFarFromTodayIsConfirmedOrToldApartFromATypo) {
  WebClient web(*server);
  std::string list = start(web, "moving_in");
  web.get(list + "/q/situation");
  auto typo = web.post(list + "/q/situation", moving_in_situation("2072" + day_from_today(-3).substr(4)));
  EXPECT_EQ(typo.status, 422);
  EXPECT_TRUE(contains(typo.body, "打ち間違いではありませんか")) << typo.body;
  EXPECT_TRUE(contains(typo.body, "2027年）6月12日のことですか"));

  web.get(list + "/q/situation");
  const std::string planned = day_from_today(20);
  auto future = web.post(list + "/q/situation", moving_in_situation(planned));
  EXPECT_EQ(future.status, 422);
  EXPECT_TRUE(contains(future.body, "入力した日付はまだ先の日です"));
  EXPECT_TRUE(contains(future.body, "value=\"" + planned + "\""));
  EXPECT_EQ(web.get(list).header("location"), list + "/q/situation") << "no list before the date is confirmed";

  web.get(list + "/q/situation");
  Fields confirmed = moving_in_situation(planned);
  confirmed.emplace_back("_confirm_date", planned);
  EXPECT_EQ(web.post(list + "/q/situation", confirmed).status, 303);
  EXPECT_EQ(web.get(list).status, 200);

  web.get(list + "/q/situation");
  auto long_ago = web.post(list + "/q/situation", moving_in_situation(day_from_today(-400)));
  EXPECT_EQ(long_ago.status, 422);
  EXPECT_TRUE(contains(long_ago.body, "1年以上前です"));

  WebClient family(*server);
  std::string bereavement = start(family, "bereavement");
  family.get(bereavement + "/q/situation");
  auto death = family.post(bereavement + "/q/situation", {{"date_of_death", day_from_today(1)}});
  EXPECT_EQ(death.status, 422);
  EXPECT_TRUE(contains(death.body, "今日より後の日付は入力できません")) << death.body;
}

TEST_F(Onestop, TheStaffViewIsForStaffAndEveryViewIsAudited) {
  WebClient web(*server);
  std::string list = start(web, "moving_in");
  web.get(list + "/q/situation");
  ASSERT_EQ(web.post(list + "/q/situation", moving_in_situation(day_from_today(-3))).status, 303);
  auto page = web.get(list);
  const std::string marker = "panel__reference\" data-reference>";
  auto at = page.body.find(marker);
  ASSERT_NE(at, std::string::npos);
  const std::string reference = page.body.substr(at + marker.size(), 13);

  auto citizen = web.get("/staff/onestop/" + reference);
  EXPECT_EQ(citizen.status, 303);
  EXPECT_TRUE(contains(citizen.header("location"), "/staff/login"));

  add_staff(*server, "onestop.clerk", {"counter_clerk"}, {"civic_registry"}, {"aoba"});
  StaffBrowser staff(*server, "onestop.clerk");
  auto found = staff.get("/staff/onestop?reference=" + reference);
  EXPECT_EQ(found.status, 303);
  auto visit = staff.get("/staff/onestop/" + reference);
  EXPECT_EQ(visit.status, 200);
  EXPECT_TRUE(contains(visit.body, "転入届"));
  EXPECT_EQ(count_audit(*server, "life_event_visit_viewed", reference), 1);
  EXPECT_EQ(staff.get("/staff/onestop?reference=MDG-0000").status, 422);
  EXPECT_EQ(staff.get("/staff/onestop/MDG-AAAA-AAAA").status, 404);
}

TEST(CheckProcedures, NamesTheFileAndLineOfABrokenLifeEvent) {
  auto dir = scratch_dir("check-life-events");
  std::filesystem::copy("procedures", dir / "procedures", std::filesystem::copy_options::recursive);
  const auto file = dir / "procedures/life_events/bereavement.yaml";
  std::stringstream text;
  text << std::ifstream(file).rdbuf();
  std::string yaml = text.str();
  const std::string from = "      insured_number: elderly_insured_number\n      insured_address: deceased_address\n";
  const auto at = yaml.find(from);
  ASSERT_NE(at, std::string::npos);
  yaml.replace(at, from.size(), "      insured_number: elderly_insured_number\n      insured_address: date_of_death\n");
  std::ofstream(file) << yaml;
  const int line = 2 + static_cast<int>(std::count(yaml.begin(), yaml.begin() + static_cast<std::ptrdiff_t>(at), '\n'));

  auto [code, output] = ServerProcess::run_command({"check-procedures", (dir / "procedures").string()});
  EXPECT_EQ(code, 1);
  EXPECT_TRUE(contains(output, file.string() + ":" + std::to_string(line) + ":")) << output;
  EXPECT_TRUE(contains(output, "do not fit \"elderly_medical_withdrawal.insured_address\" (address)")) << output;

  auto [good, good_output] = ServerProcess::run_command({"check-procedures", "procedures"});
  EXPECT_EQ(good, 0) << good_output;
  EXPECT_TRUE(contains(good_output, "8 life events, no problems"));
}

}  // namespace
