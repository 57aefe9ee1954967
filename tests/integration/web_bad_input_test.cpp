// The citizen web against bad input, through the real server without
// JavaScript: a missing CSRF token, tampered hidden fields and field names,
// a page drawn for an older form version, a draft begun on an older version,
// a double click on submit, an expired draft, an oversized upload and a
// file whose content is not what its name says. Each gets a clear message
// on the page, and nothing is lost or duplicated.
#include <gtest/gtest.h>

#include "casework_support.h"
#include "fixtures.h"
#include "harness.h"
#include "platform/db/connection.h"
#include "web_client.h"

using namespace madoguchi::testing;
using madoguchi::platform::db::Connection;

namespace {

Fields requester(const std::string& birth = "平成2年4月5日") {
  return {{"_version", "1"},
          {"requester_name", "髙橋　美咲"},
          {"requester_name_kana", "たかはし みさき"},
          {"requester_birth_date", birth},
          {"requester_address", "仙台市青葉区国分町3-7-1"},
          {"requester_phone", "022-261-1111"},
          {"requester_email", "misaki@example.jp"},
          {"relationship", "self"}};
}

Fields certificate() {
  return {{"_version", "1"},         {"certificate_type", "residence_record_copy"}, {"household_scope", "whole_household"},
          {"copies", "1"},           {"purpose", "employment"}};
}

bool contains(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

// The residence certificate needs a My Number card online, so its drafts
// are pre-entries for the counter (taken in there by a clerk); the drafts
// that are sent here are bulky-waste collections, which anyone may send.
class WebBadInput : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new ServerProcess();
  }
  static void TearDownTestSuite() { delete server; }
  static ServerProcess* server;

  std::unique_ptr<Connection> database() { return server->database(); }

  // A draft of the residence certificate with every page answered.
  std::string complete_draft(WebClient& web) {
    std::string draft = web.start("residence_certificate", "counter");
    web.get(draft + "/step/requester");
    EXPECT_EQ(web.post(draft + "/step/requester", requester()).status, 303);
    web.get(draft + "/step/certificate");
    EXPECT_EQ(web.post(draft + "/step/certificate", certificate()).status, 303);
    web.get(draft + "/step/identity");
    EXPECT_EQ(web.post(draft + "/step/identity", {{"_version", "1"}}).status, 303);
    return draft;
  }
};
ServerProcess* WebBadInput::server = nullptr;

TEST_F(WebBadInput, AMissingCsrfTokenIsRefusedWithAClearPageAndChangesNothing) {
  WebClient web(*server);
  std::string draft = web.start("residence_certificate", "counter");
  ASSERT_FALSE(draft.empty());
  web.get(draft + "/step/requester");
  ASSERT_EQ(web.post(draft + "/step/requester", requester()).status, 303);
  web.get(draft + "/step/requester");
  Fields changed = requester();
  changed[1].second = "別人";
  auto r = web.post(draft + "/step/requester", changed, false);
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(contains(r.body, "画面の有効期限が切れたか")) << r.body;
  auto page = web.get(draft + "/step/requester");
  EXPECT_EQ(attribute_of(page.body, "f-requester_name", "value"), "髙橋　美咲");
}

TEST_F(WebBadInput, APagePostedForAnotherFormVersionIsShownAgainWithTheAnswersKept) {
  WebClient web(*server);
  std::string draft = web.start("residence_certificate", "counter");
  web.get(draft + "/step/requester");
  Fields old = requester();
  old[0].second = "0";
  auto r = web.post(draft + "/step/requester", old);
  EXPECT_EQ(r.status, 409);
  EXPECT_TRUE(contains(r.body, "申請様式が更新されたため")) << r.body;
  EXPECT_EQ(attribute_of(r.body, "f-requester_name", "value"), "髙橋　美咲");
  EXPECT_EQ(attribute_of(r.body, "f-requester_birth_date", "value"), "平成2年4月5日");
  Fields garbage = requester();
  garbage[0].second = "１<script>";
  EXPECT_EQ(web.post(draft + "/step/requester", garbage).status, 409);
  EXPECT_EQ(web.post(draft + "/step/requester", requester()).status, 303);
}

TEST_F(WebBadInput, TamperedFieldNamesAndChoicesAreNamedAndNotStored) {
  WebClient web(*server);
  std::string draft = web.start("residence_certificate", "counter");
  web.get(draft + "/step/requester");
  Fields tampered = requester();
  tampered.emplace_back("subject_name", "他人の名前");
  tampered.emplace_back("is_admin", "1");
  auto r = web.post(draft + "/step/requester", tampered);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "このページにない項目が送られてきたため")) << r.body;
  Fields bad_choice = requester();
  bad_choice.back().second = "mayor";
  r = web.post(draft + "/step/requester", bad_choice);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "選択肢の中から選んでください")) << r.body;
  EXPECT_TRUE(contains(r.body, "href=\"#f-relationship-0\""));
  auto db = database();
  auto row = db->query_one("SELECT answers FROM application_drafts WHERE public_id = ?", {draft.substr(7)});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0).find("他人の名前"), std::string::npos);
  EXPECT_EQ(row->text(0).find("is_admin"), std::string::npos);
}

TEST_F(WebBadInput, ADraftBegunOnAnOlderFormIsReviewedNeverSilentlyDropped) {
  WebClient web(*server);
  std::string draft = answer_bulky_waste(web, "misaki@example.jp");
  {
    auto db = database();
    auto answers = nlohmann::json::parse(
        db->query_one("SELECT answers FROM application_drafts WHERE public_id = ?", {draft.substr(7)})->text(0));
    answers["retired_question"] = "まだ必要";
    db->execute("UPDATE application_drafts SET procedure_version = 0, answers = ? WHERE public_id = ?",
                {answers.dump(), draft.substr(7)});
  }
  auto step = web.get(draft + "/step/requester");
  EXPECT_TRUE(contains(step.body, "申請様式が更新されました")) << step.body;
  auto check = web.get(draft + "/check");
  EXPECT_TRUE(contains(check.body, "新しい様式にない回答"));
  EXPECT_TRUE(contains(check.body, "retired_question"));
  EXPECT_TRUE(contains(check.body, "まだ必要"));
  EXPECT_EQ(web.post(draft + "/submit", {{"_version", "0"}}).status, 409);
  auto r = web.post(draft + "/submit", {{"_version", "1"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), draft + "/receipt");
}

TEST_F(WebBadInput, ADoubleClickOnSubmitGivesOneApplicationAndOneEmail) {
  WebClient web(*server);
  std::string draft = answer_bulky_waste(web, "misaki@example.jp");
  web.get(draft + "/check");
  std::string token = web.csrf();
  auto first = web.post(draft + "/submit", {{"_version", "1"}});
  auto second = web.post(draft + "/submit", {{"_version", "1"}, {"_csrf", token}}, false);
  EXPECT_EQ(first.status, 303);
  EXPECT_EQ(second.status, 303);
  EXPECT_EQ(second.header("location"), draft + "/receipt");
  auto receipt = web.get(draft + "/receipt");
  ASSERT_EQ(receipt.status, 200);
  auto db = database();
  auto row = db->query_one(
      "SELECT a.reference, (SELECT count(*) FROM notify_email_outbox o WHERE o.reference = a.reference) "
      "FROM application_drafts d JOIN applications a ON a.id = d.application_id WHERE d.public_id = ?",
      {draft.substr(7)});
  ASSERT_TRUE(row);
  EXPECT_TRUE(contains(receipt.body, row->text(0)));
  EXPECT_EQ(row->integer(1), 1) << "one confirmation e-mail";
  auto count = db->query_one("SELECT count(*) FROM applications WHERE reference = ?", {row->text(0)});
  EXPECT_EQ(count->integer(0), 1);
  EXPECT_EQ(web.get(draft + "/step/requester").header("location"), draft + "/receipt")
      << "a submitted draft cannot be changed";
}

TEST_F(WebBadInput, AnExpiredDraftSaysSoAndOffersToStartAgain) {
  WebClient web(*server);
  std::string draft = web.start("residence_certificate", "counter");
  {
    auto db = database();
    db->execute("UPDATE application_drafts SET expires_at = '2020-01-01T00:00:00.000Z' WHERE public_id = ?",
               {draft.substr(7)});
  }
  auto r = web.get(draft + "/step/requester");
  EXPECT_EQ(r.status, 410);
  EXPECT_TRUE(contains(r.body, "保存期限が過ぎました")) << r.body;
  EXPECT_TRUE(contains(r.body, "href=\"&#x2F;procedures&#x2F;residence_certificate\"")) << r.body;  // mustache escapes "/"
}

TEST_F(WebBadInput, AnOversizedUploadIsRefusedBesideItsQuestionAndTheRestIsKept) {
  WebClient web(*server);
  std::string draft = web.start("residence_certificate", "counter");
  web.get(draft + "/step/requester");
  web.post(draft + "/step/requester", requester());
  web.get(draft + "/step/certificate");
  web.post(draft + "/step/certificate", certificate());
  web.get(draft + "/step/identity");
  std::string big = tiny_pdf() + std::string(10 * 1024 * 1024 + 1, ' ');
  auto r = web.post_multipart(draft + "/step/identity", {{"_version", "1"}},
                              {{"identity_document", "license.pdf", "application/pdf", big}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "ファイルが大きすぎます")) << r.body.substr(0, 3000);
  EXPECT_TRUE(contains(r.body, "id=\"f-identity_document-error\""));
  auto check = web.get(draft + "/check");
  EXPECT_TRUE(contains(check.body, "髙橋　美咲")) << "the other pages are untouched";
}

TEST_F(WebBadInput, AFileWhoseContentIsNotWhatItsNameSaysIsRefused) {
  WebClient web(*server);
  std::string draft = web.start("residence_certificate", "counter");
  web.get(draft + "/step/identity");
  auto r = web.post_multipart(draft + "/step/identity", {{"_version", "1"}},
                              {{"identity_document", "license.png", "image/png", tiny_pdf()}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "ファイルの中身が拡張子")) << r.body.substr(0, 3000);
  r = web.post_multipart(draft + "/step/identity", {{"_version", "1"}},
                         {{"identity_document", "license.png", "image/png", tiny_png()}});
  EXPECT_EQ(r.status, 303);
  auto page = web.get(draft + "/step/identity");
  EXPECT_TRUE(contains(page.body, "license.png")) << "the accepted file is shown as attached";
}

}  // namespace
