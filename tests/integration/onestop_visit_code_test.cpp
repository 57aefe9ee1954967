// The one pre-entry QR code for a life-event visit, through the real server without JavaScript:
// the list issues one code for exactly the counter procedures that are ready (the same code on a
// second press), names what the others still need, serves the QR image only to the browser that
// holds the list, and issues a new code covering all of them once another is ready (the older
// code then refused at the counter as replaced). A clerk who takes the code in at /staff/counter
// gets one intake with every procedure it covers, and the list then says so.
#include <gtest/gtest.h>

#include "casework_support.h"
#include "harness.h"
#include "platform/time.h"
#include "web_client.h"

using namespace madoguchi::testing;

namespace {

bool contains(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

std::string between(const std::string& text, const std::string& before, const std::string& after) {
  auto start = text.find(before);
  if (start == std::string::npos) return "";
  start += before.size();
  return text.substr(start, text.find(after, start) - start);
}

std::string unescape_slashes(std::string text) {
  for (auto at = text.find("&#x2F;"); at != std::string::npos; at = text.find("&#x2F;", at + 1)) text.replace(at, 6, "/");
  return text;
}

// The list's procedures this code covers, as shown under the QR code.
std::string covered(const std::string& list_page) {
  return between(list_page, "data-visit-covers>", "</ul>");
}

// A 転入 list of one person who registers a seal: two counter procedures, the 転入届 ready from
// the shared answers alone and the seal registration asking two questions more. Returns the
// list's path.
std::string moving_in_with_a_seal(WebClient& web) {
  web.get("/onestop/moving_in");
  auto started = web.post("/onestop/moving_in/start", {});
  const std::string list = started.header("location").substr(0, started.header("location").find("/q/"));
  const std::string moved = madoguchi::platform::iso_date(std::chrono::sys_days{test_today()} - std::chrono::days{3});
  const std::vector<std::pair<std::string, Fields>> pages = {
      {"situation",
       {{"moving_date", moved},          {"moving_from", "domestic_card"},  {"other_prefecture", "yes"},
        {"children_under_18", "no"},     {"pregnant", "no"},                {"national_health_insurance", "no"},
        {"aged_65_plus", "no"},          {"registered_seal", "yes"},        {"dog", "no"},
        {"water", "no"},                 {"vehicle", "no"}}},
      {"applicant",
       {{"applicant_name", "髙橋　𠮷子"},
        {"applicant_name_kana", "タカハシ ヨシコ"},
        {"applicant_birth_date", "1992-04-02"},
        {"applicant_sex", "female"},
        {"phone", "080-1111-2222"}}},
      {"move",
       {{"previous_address", "山形県山形市旅篭町二丁目3番25号"},
        {"new_postal_code", "980-0811"},
        {"new_address", "仙台市青葉区一番町4-1-1"},
        {"household_type", "new_household"},
        {"householder_name", "髙橋　𠮷子"}}},
      {"household",
       {{"members[0].name", "髙橋　𠮷子"},
        {"members[0].name_kana", "タカハシ ヨシコ"},
        {"members[0].birth_date", "1992-04-02"},
        {"members[0].sex", "female"},
        {"members[0].relationship", "head"},
        {"members[0].nationality", "japanese"},
        {"members[0].registered_domicile", "山形県山形市旅篭町二丁目3番25号"},
        {"members[0].head_of_register_name", "髙橋　𠮷子"}}},
  };
  for (const auto& [section, fields] : pages) {
    web.get(list + "/q/" + section);
    auto posted = web.post(list + "/q/" + section, fields);
    EXPECT_EQ(posted.status, 303) << section << ": " << posted.body;
  }
  return list;
}

TEST(OnestopVisitCode, OneCodeForTheReadyCounterProceduresTakenInOnceAtTheCounter) {
  ServerProcess server;
  add_staff(server, "clerk.aoba", {"counter_clerk"}, {"all"}, {"aoba"});
  WebClient citizen(server);
  const std::string list = moving_in_with_a_seal(citizen);

  auto page = citizen.get(list);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "窓口で見せるQRコードを表示する"));
  EXPECT_FALSE(contains(page.body, "data-visit-qr")) << "no QR before the citizen asks for it";
  EXPECT_EQ(citizen.get(list + "/qr.png").status, 404);
  const std::string pending = between(page.body, "visit-code__pending", "</div>");
  EXPECT_TRUE(contains(pending, "印鑑登録申請")) << "named before any code, with what is left";
  EXPECT_TRUE(contains(pending, "あと2項目"));
  const std::string seal_draft = unescape_slashes(between(pending, "<a href=\"", "\""));
  ASSERT_EQ(seal_draft.rfind("/apply/", 0), 0u) << pending;

  // The code covers the 転入届 only; the seal registration is named with what is left.
  citizen.get(list);
  auto issued = citizen.post(list + "/qr", {});
  EXPECT_EQ(issued.status, 303);
  EXPECT_EQ(issued.header("location"), list + "#counter-qr");
  page = citizen.get(list);
  const std::string first = between(page.body, "data-visit-code>", "<");
  ASSERT_EQ(first.size(), 28u) << page.body;
  EXPECT_EQ(first.rfind("MDQ-", 0), 0u);
  EXPECT_TRUE(contains(covered(page.body), "転入届"));
  EXPECT_FALSE(contains(covered(page.body), "印鑑登録申請"));
  EXPECT_TRUE(contains(between(page.body, "visit-code__pending", "</div>"), "印鑑登録申請"));
  EXPECT_TRUE(contains(between(page.body, "visit-code__pending", "</div>"), "あと2項目"));
  EXPECT_FALSE(contains(page.body, "窓口で見せるQRコードを表示する")) << "no button while the code covers what is ready";
  EXPECT_FALSE(contains(page.body, "𠮷")) << "the list shows no personal data beside the code";

  citizen.get(list);
  citizen.post(list + "/qr", {});
  EXPECT_EQ(between(citizen.get(list).body, "data-visit-code>", "<"), first) << "a second press keeps the code";

  auto image = citizen.get(list + "/qr.png");
  EXPECT_EQ(image.status, 200);
  EXPECT_EQ(image.header("content-type"), "image/png");
  EXPECT_EQ(image.header("cache-control"), "private, no-store");
  EXPECT_EQ(image.body.substr(1, 3), "PNG");
  WebClient stranger(server);
  EXPECT_EQ(stranger.get(list + "/qr.png").status, 403) << "only the browser holding the list";
  EXPECT_EQ(stranger.get("/onestop/b/0000000000000000/qr.png").status, 404);
  stranger.get("/onestop/moving_in");
  auto foreign_press = stranger.post(list + "/qr", {});
  EXPECT_EQ(foreign_press.status, 403);
  EXPECT_TRUE(contains(foreign_press.body, "この端末では開けません"));
  EXPECT_EQ(citizen.get("/onestop/b/" + std::string(16, 'z') + "/qr.png").status, 404);

  auto printed = citizen.get(list + "/print");
  EXPECT_EQ(printed.status, 200);
  EXPECT_EQ(between(printed.body, "data-visit-code>", "<"), first) << "the printable list carries the code";
  EXPECT_FALSE(contains(printed.body, "visit-code__issue")) << "no button to press on paper";
  EXPECT_TRUE(contains(printed.body, "data-visit-qr")) << "the QR image on paper too";

  // The seal registration is finished: the next press gives one code for both, in the list's order.
  citizen.get(seal_draft + "/step/seal");
  auto seal = citizen.post(seal_draft + "/step/seal",
                           {{"_version", "1"}, {"seal_text", "family_name"}, {"identification", "photo_id"}});
  EXPECT_EQ(seal.status, 303) << seal.body;
  page = citizen.get(list);
  EXPECT_TRUE(contains(page.body, "新しいQRコードを表示する"));
  EXPECT_EQ(between(page.body, "data-visit-code>", "<"), first) << "the old code until the citizen asks again";
  citizen.post(list + "/qr", {});
  page = citizen.get(list);
  const std::string second = between(page.body, "data-visit-code>", "<");
  ASSERT_EQ(second.size(), 28u);
  EXPECT_NE(second, first);
  const std::string both = covered(page.body);
  ASSERT_TRUE(contains(both, "転入届") && contains(both, "印鑑登録申請")) << both;
  EXPECT_LT(both.find("転入届"), both.find("印鑑登録申請"));
  EXPECT_FALSE(contains(page.body, "visit-code__pending"));

  // At the counter: the older code is refused as replaced; the new one opens one intake for both.
  StaffBrowser clerk(server, "clerk.aoba");
  clerk.get("/staff/counter");
  auto old = clerk.post_raw("/staff/counter/intakes", {{"code", first}});
  EXPECT_EQ(old.status, 422);
  EXPECT_TRUE(contains(old.body, "新しいQRコードに置き換えられています")) << old.body;
  auto taken = clerk.post_raw("/staff/counter/intakes", {{"code", second}, {"visit_reference", "Q-0107"}});
  ASSERT_EQ(taken.status, 303) << taken.body;
  auto intake = clerk.get(taken.header("location"));
  ASSERT_EQ(intake.status, 200);
  EXPECT_TRUE(contains(intake.body, "転入届"));
  EXPECT_TRUE(contains(intake.body, "印鑑登録申請"));
  EXPECT_TRUE(contains(intake.body, "髙橋　𠮷子")) << "the answers entered at home";
  EXPECT_EQ(clerk.post_raw("/staff/counter/intakes", {{"code", second}}).status, 422) << "once only";

  // The list says so, with each counter procedure's state; there is nothing left to show.
  page = citizen.get(list);
  EXPECT_TRUE(contains(page.body, "窓口でQRコードを受け付けました"));
  EXPECT_TRUE(contains(between(page.body, "id=\"item-moving_in\"", "</li>"), "窓口で受付中です"));
  EXPECT_TRUE(contains(between(page.body, "id=\"item-seal_registration\"", "</li>"), "窓口で受付中です"));
  EXPECT_FALSE(contains(page.body, "data-visit-qr"));
  EXPECT_EQ(citizen.get(list + "/qr.png").status, 404);
  citizen.get(list);
  EXPECT_EQ(citizen.post(list + "/qr", {}).header("location"), list + "?code=none") << "nothing ready to cover";
}

}  // namespace
