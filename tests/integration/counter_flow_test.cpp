// 書かない窓口 end to end against the real server: the citizen pre-enters a
// counter procedure and gets a QR code (an image, and the same code as text)
// instead of submitting; the clerk takes the code in once (a second scan, a
// mistyped or made-up code is refused with its reason), sees the answers,
// records the card reading (the variant 邊/邉 named), corrects with the
// citizen, checks identity and submits as channel counter; the case keeps the
// citizen's version; the clerk entered it (the submitted event names them)
// and the receipt handed over carries the status code that opens the status
// page; the official form prints; a clerk of another ward is refused; every
// step is audited without personal values.
#include <gtest/gtest.h>

#include <regex>

#include "casework_support.h"
#include "harness.h"
#include "platform/db/connection.h"
#include "web_client.h"

using namespace madoguchi::testing;

namespace {

std::string between(const std::string& text, const std::string& before, const std::string& after) {
  auto start = text.find(before);
  if (start == std::string::npos) return "";
  start += before.size();
  return text.substr(start, text.find(after, start) - start);
}

// A counter draft of the seal registration certificate, filled in on the web; returns its path.
std::string pre_enter(WebClient& citizen) {
  citizen.get("/procedures/seal_registration_certificate");
  auto started = citizen.post("/procedures/seal_registration_certificate/start", {{"channel", "counter"}});
  std::string draft = started.header("location").substr(0, started.header("location").find("/step/"));
  citizen.get(draft + "/step/registrant");
  auto first = citizen.post(draft + "/step/registrant", {{"_version", "1"},
                                                          {"registrant_name", "渡邉　花子"},
                                                          {"registrant_name_kana", "ワタナベ ハナコ"},
                                                          {"registrant_birth_date", "昭和52年7月7日"},
                                                          {"registrant_address", "仙台市青葉区国分町3-7-1"},
                                                          {"registration_card_number", "0012345"}});
  EXPECT_EQ(first.status, 303) << first.body;
  citizen.get(draft + "/step/request");
  auto second = citizen.post(draft + "/step/request", {{"_version", "1"},
                                                        {"copies", "1"},
                                                        {"who_applies", "registrant"},
                                                        {"contact_phone", "022-214-1111"},
                                                        {"purpose", "vehicle"}});
  EXPECT_EQ(second.status, 303) << second.body;
  return draft;
}

TEST(CounterFlow, FromThePhoneToTheBackOffice) {
  ServerProcess server;
  add_staff(server, "clerk.aoba", {"counter_clerk"}, {"all"}, {"aoba"});
  add_staff(server, "clerk.izumi", {"counter_clerk"}, {"all"}, {"izumi"});
  WebClient citizen(server);
  std::string draft = pre_enter(citizen);

  auto check = citizen.get(draft + "/check");
  EXPECT_NE(check.body.find("&#x2F;pre-entry\""), std::string::npos) << "the check page offers the QR code";
  auto submit = citizen.post(draft + "/submit", {{"_version", "1"}});
  EXPECT_EQ(submit.header("location"), draft + "/pre-entry") << "a counter draft is not submitted from home";
  citizen.get(draft + "/pre-entry");
  auto issued = citizen.post(draft + "/pre-entry", {});
  EXPECT_EQ(issued.status, 303);
  auto page = citizen.get(draft + "/pre-entry");
  std::string code = between(page.body, "data-pre-entry-code>", "<");
  ASSERT_EQ(code.size(), 28u) << page.body;
  EXPECT_EQ(page.body.find("渡邉"), std::string::npos) << "the QR page shows no personal data";
  auto image = citizen.get(draft + "/pre-entry/qr.png");
  EXPECT_EQ(image.status, 200);
  EXPECT_EQ(image.header("content-type"), "image/png");
  EXPECT_EQ(image.body.substr(1, 3), "PNG");
  EXPECT_EQ(citizen.get(draft + "/pre-entry").body.find(code) != std::string::npos, true) << "the same code again";
  HttpClient stranger;
  EXPECT_EQ(stranger.get(server.url(draft + "/pre-entry/qr.png")).status, 403) << "only the citizen's browser";

  StaffBrowser clerk(server, "clerk.aoba");
  EXPECT_EQ(clerk.get("/staff/counter").status, 200);
  std::string typed;
  for (char c : code) {
    if (c != '-') typed.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  auto taken = clerk.post_raw("/staff/counter/intakes", {{"code", typed}, {"visit_reference", "Q-0042"}});
  ASSERT_EQ(taken.status, 303) << taken.body;
  std::string intake = taken.header("location");
  auto again = clerk.post_raw("/staff/counter/intakes", {{"code", code}});
  EXPECT_EQ(again.status, 422);
  EXPECT_NE(again.body.find("一度しか使えません"), std::string::npos);
  std::string typo = code;
  typo[5] = typo[5] == 'A' ? 'B' : 'A';
  auto mistyped = clerk.post_raw("/staff/counter/intakes", {{"code", typo}});
  EXPECT_EQ(mistyped.status, 422);
  EXPECT_NE(mistyped.body.find("打ち間違い"), std::string::npos);

  auto screen = clerk.get(intake);
  ASSERT_EQ(screen.status, 200) << screen.body;
  EXPECT_NE(screen.body.find("渡邉　花子"), std::string::npos);
  EXPECT_NE(screen.body.find("Q-0042"), std::string::npos);
  StaffBrowser other(server, "clerk.izumi");
  EXPECT_EQ(other.get(intake).status, 403) << "another ward's clerk";

  auto card = clerk.http().post_json(server.url(intake + "/card"),
                                     {{"name", "渡邊\u3000花子"},
                                      {"address", "宮城県仙台市青葉区国分町三丁目7番1号"},
                                      {"birth_date", "1977-07-07"},
                                      {"sex_code", 2}});
  ASSERT_EQ(card.status, 200) << card.body;
  screen = clerk.get(intake);
  EXPECT_NE(screen.body.find("邊→邉"), std::string::npos) << "the variant is named";
  EXPECT_NE(screen.body.find("compare-row--differs"), std::string::npos) << "the address differs";
  auto bad_card = clerk.http().post_json(server.url(intake + "/card"), {{"name", "x"}});
  EXPECT_EQ(bad_card.status, 422);

  std::string row_version = between(screen.body, "name=\"row_version\" value=\"", "\"");
  auto use_card = clerk.post_raw(intake + "/items/0/card", {{"field", "registrant_name"}, {"row_version", row_version}});
  EXPECT_EQ(use_card.status, 303) << use_card.body;
  auto stale = clerk.post_raw(intake + "/items/0/answers",
                              {{"field", "contact_phone"}, {"value", "022-214-2222"}, {"row_version", row_version}});
  EXPECT_EQ(stale.status, 409);

  auto unchecked = clerk.post_raw(intake + "/submit", {});
  EXPECT_EQ(unchecked.status, 422) << "identity first";
  clerk.post_raw(intake + "/identity", {{"identity_document", "mynumber_card"}});
  auto submitted = clerk.post_raw(intake + "/submit", {});
  ASSERT_EQ(submitted.status, 303) << submitted.body;
  screen = clerk.get(intake);
  std::string reference = between(screen.body, "data-reference>", "<");
  ASSERT_EQ(reference.size(), 13u) << screen.body;
  std::string status_code = between(screen.body, "data-status-code>", "<");
  ASSERT_EQ(status_code.size(), 19u) << screen.body;
  {
    auto db = server.database();
    auto submitted_by = db->query_one(
        "SELECT e.actor, a.channel FROM applications a JOIN application_events e ON e.application_id = a.id "
        "WHERE a.reference = ? AND e.kind = 'submitted'",
        {reference});
    ASSERT_TRUE(submitted_by);
    EXPECT_EQ(submitted_by->text(0), "clerk.aoba") << "the clerk entered it";
    EXPECT_EQ(submitted_by->text(1), "counter");
  }
  auto receipt = clerk.get(intake + "/items/0/receipt.pdf");
  EXPECT_EQ(receipt.status, 200);
  EXPECT_EQ(receipt.header("content-type"), "application/pdf");
  EXPECT_EQ(other.get(intake + "/items/0/receipt.pdf").status, 403) << "another ward's clerk";
  WebClient follower(server);
  follower.get("/status");
  auto look = follower.post("/status", {{"reference", reference}, {"status_code", status_code}});
  EXPECT_EQ(look.status, 303) << "the receipt's status code opens the status page: " << look.body;

  auto form = clerk.get(intake + "/items/0/form.pdf");
  EXPECT_EQ(form.status, 404) << "this procedure has no official form layout";

  auto rows = audit_rows(server);
  std::vector<std::string> actions;
  for (const auto& r : rows) {
    actions.push_back(r.action);
    EXPECT_EQ(r.detail.dump().find("渡"), std::string::npos) << r.action;
  }
  for (const char* action : {"counter_intake_opened", "counter_intake_viewed", "counter_card_read",
                             "counter_answer_corrected", "counter_identity_checked", "counter_submitted",
                             "application_entered", "counter_receipt_printed", "counter_code_refused"}) {
    EXPECT_NE(std::find(actions.begin(), actions.end(), action), actions.end()) << action;
  }
  EXPECT_EQ(citizen.get(draft + "/pre-entry").body.find("窓口で受け付けられました") != std::string::npos, true);
}

}  // namespace
