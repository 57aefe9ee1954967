// Each procedure says how surely it must know who applies (identity_assurance)
// and every channel enforces it: anyone for `none`; a signed-in citizen for
// `account`; a My Number card signature online, which this site cannot take
// yet, so those procedures send people to the counter (pre-entry where
// offered) or the post, and say so before anyone starts. Applications at the
// counter or by post are entered by signed-in staff, who check identity there.
#include <gtest/gtest.h>

#include "casework_support.h"
#include "fixtures.h"
#include "harness.h"
#include "platform/db/connection.h"
#include "web_client.h"

using namespace madoguchi::testing;

namespace {

HttpResult submit_as(HttpClient& http, const ServerProcess& server, const std::string& procedure,
                     const std::string& channel) {
  return http.post_json(server.url("/api/v1/procedures/" + procedure + "/applications"),
                        {{"answers", sample_answers(procedure)}, {"channel", channel}});
}

int64_t applications_stored(const ServerProcess& server) {
  auto db = server.database();
  return db->query_one("SELECT count(*) FROM applications")->integer(0);
}

// The channel and the actor of the "submitted" event of an application.
std::pair<std::string, std::string> channel_and_actor(const ServerProcess& server, const std::string& reference) {
  auto db = server.database();
  auto row = db->query_one(
      "SELECT a.channel, e.actor FROM applications a JOIN application_events e ON e.application_id = a.id "
      "WHERE a.reference = ? AND e.kind = 'submitted'",
      {reference});
  return row ? std::pair{row->text(0), row->text(1)} : std::pair<std::string, std::string>{};
}

std::string message(const HttpResult& result, const std::string& language) {
  auto body = result.json();
  return body["error"]["message"].value(language, "");
}

class IdentityAssurance : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new ServerProcess();
    add_staff(*server, "clerk.aoba", {"counter_clerk"}, {"all"}, {"aoba"});
    add_staff(*server, "processor.mail", {"processor"}, {"all"}, {"all"});
  }
  static void TearDownTestSuite() { delete server; }
  static ServerProcess* server;
};
ServerProcess* IdentityAssurance::server = nullptr;

}  // namespace

TEST_F(IdentityAssurance, TheApiRefusesAnonymousSubmissionsTheProcedureDoesNotAllow) {
  HttpClient anonymous;
  const int64_t before = applications_stored(*server);

  auto account = submit_as(anonymous, *server, "cancer_screening", "online");
  EXPECT_EQ(account.status, 401) << account.body;
  EXPECT_EQ(account.json()["error"]["code"], "sign_in_required");

  auto card = submit_as(anonymous, *server, "residence_certificate", "online");
  EXPECT_EQ(card.status, 403) << card.body;
  EXPECT_EQ(card.json()["error"]["code"], "card_signature_unavailable");
  EXPECT_NE(message(card, "ja").find("窓口"), std::string::npos) << card.body;
  EXPECT_NE(message(card, "ja").find("郵送"), std::string::npos) << card.body;
  EXPECT_NE(message(card, "en").find("counter"), std::string::npos) << card.body;
  EXPECT_NE(message(card, "en").find("post"), std::string::npos) << card.body;

  for (const char* channel : {"counter", "mail"}) {
    auto staff_only = submit_as(anonymous, *server, "residence_certificate", channel);
    EXPECT_EQ(staff_only.status, 403) << channel << " " << staff_only.body;
    EXPECT_EQ(staff_only.json()["error"]["code"], "channel_needs_staff") << channel;
  }
  EXPECT_EQ(applications_stored(*server), before) << "nothing was stored";

  EXPECT_EQ(submit_as(anonymous, *server, "bulky_waste_collection", "online").status, 201);
}

TEST_F(IdentityAssurance, ASignedInCitizenSatisfiesAnAccountButNotACardSignature) {
  HttpClient citizen;
  sign_in_citizen(citizen, *server, "kenji.assurance@example.jp");
  auto account = submit_as(citizen, *server, "cancer_screening", "online");
  EXPECT_EQ(account.status, 201) << account.body;
  auto card = submit_as(citizen, *server, "residence_certificate", "online");
  EXPECT_EQ(card.status, 403) << card.body;
  EXPECT_EQ(card.json()["error"]["code"], "card_signature_unavailable");
}

TEST_F(IdentityAssurance, StaffEnterCounterAndPostalApplicationsAndTheTimelineSaysWho) {
  StaffBrowser clerk(*server, "clerk.aoba");
  auto at_counter = submit_as(clerk.http(), *server, "residence_certificate", "counter");
  ASSERT_EQ(at_counter.status, 201) << at_counter.body;
  const std::string reference = at_counter.json()["reference"];
  EXPECT_EQ(channel_and_actor(*server, reference), (std::pair<std::string, std::string>{"counter", "clerk.aoba"}));
  EXPECT_EQ(count_audit(*server, "application_entered", reference), 1);

  auto clerk_online = submit_as(clerk.http(), *server, "residence_certificate", "online");
  EXPECT_EQ(clerk_online.status, 403) << "staff online are no card signature";

  StaffBrowser processor(*server, "processor.mail");
  auto not_a_clerk = submit_as(processor.http(), *server, "residence_certificate", "counter");
  EXPECT_EQ(not_a_clerk.status, 403) << not_a_clerk.body;
  EXPECT_EQ(not_a_clerk.json()["error"]["code"], "channel_needs_staff");
  auto by_post = submit_as(processor.http(), *server, "residence_certificate", "mail");
  ASSERT_EQ(by_post.status, 201) << by_post.body;
  EXPECT_EQ(channel_and_actor(*server, by_post.json()["reference"]),
            (std::pair<std::string, std::string>{"mail", "processor.mail"}));
}

TEST_F(IdentityAssurance, TheWebSaysHowToApplyBeforeTheStartAndRefusesAtTheStartAndAtSubmit) {
  WebClient web(*server);
  auto page = web.get("/procedures/residence_certificate");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-card-signature-notice"), std::string::npos) << "the page says so before the start";
  EXPECT_EQ(page.body.find("name=\"channel\" value=\"online\""), std::string::npos) << "no online start is offered";
  EXPECT_NE(page.body.find("name=\"channel\" value=\"counter\""), std::string::npos) << "pre-entry for the counter is";

  auto online = web.post("/procedures/residence_certificate/start", {{"channel", "online"}});
  EXPECT_EQ(online.status, 403) << online.body;
  EXPECT_NE(online.body.find("窓口"), std::string::npos);
  EXPECT_NE(online.body.find("郵送"), std::string::npos);

  web.get("/procedures/residence_certificate");
  auto pre_entry = web.post("/procedures/residence_certificate/start", {{"channel", "counter"}});
  ASSERT_EQ(pre_entry.status, 303) << pre_entry.body;
  std::string location = pre_entry.header("location");
  std::string draft = location.substr(0, location.find("/step/"));
  auto check = web.get(draft + "/check");
  EXPECT_NE(check.body.find("窓口用のQRコードを表示する"), std::string::npos) << "it offers the QR code for the counter";
  const int64_t before = applications_stored(*server);
  auto submitted = web.post(draft + "/submit", {{"_version", "1"}});
  EXPECT_EQ(submitted.status, 303) << "a pre-entry is finished by the counter staff, not sent by the citizen";
  EXPECT_EQ(submitted.header("location"), draft + "/pre-entry") << "it goes to the QR code for the counter";
  EXPECT_EQ(applications_stored(*server), before) << "nothing was stored";
}

TEST_F(IdentityAssurance, AnAccountProcedureIsCheckedAgainAtSubmit) {
  WebClient web(*server);
  web.get("/procedures/cancer_screening");
  auto anonymous = web.post("/procedures/cancer_screening/start", {{"channel", "online"}});
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.header("location").rfind("/account/login", 0), 0u);

  sign_in_citizen(web.http(), *server, "signs.out@example.jp");
  std::string draft = web.start("cancer_screening");
  ASSERT_FALSE(draft.empty());
  web.get("/account/logout");
  ASSERT_EQ(web.post("/account/logout", {}).status, 303);
  web.get(draft + "/check");
  auto submitted = web.post(draft + "/submit", {{"_version", "1"}});
  EXPECT_EQ(submitted.status, 303) << submitted.body;
  EXPECT_EQ(submitted.header("location").rfind("/account/login", 0), 0u) << "signed out: sign in again first";
}
