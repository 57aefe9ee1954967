// The back office end to end against the real binary: a child-allowance
// application is claimed, returned for correction, corrected by the citizen
// (only the named field changes; both versions are kept), drafted, reviewed
// and decided through a three-step chain with segregation of duties and a
// stale approval refused; the signed notice is downloaded by the citizen and
// verified publicly (a changed byte and a forged code fail); the mail centre
// prints it; the figures count it; and the audit log verifies, then fails
// once tampered with.
#include <gtest/gtest.h>

#include "casework_support.h"
#include "fixtures.h"
#include "platform/db/connection.h"
#include "platform/time.h"

using namespace madoguchi::testing;
using madoguchi::platform::db::Connection;

namespace {

const std::string kAoba = "仙台市青葉区国分町三丁目7番1号";

std::string between(const std::string& text, const std::string& start, const std::string& end) {
  auto a = text.find(start);
  if (a == std::string::npos) return "";
  a += start.size();
  return text.substr(a, text.find(end, a) - a);
}

std::string today() { return madoguchi::platform::iso_date(madoguchi::platform::today_in_tokyo()); }

std::string status_of(const ServerProcess& server, const std::string& reference) {
  auto db = server.database();
  return db->query_one("SELECT status FROM applications WHERE reference = ?", {reference})->text(0);
}

HttpResult post_pdf(HttpClient& http, const ServerProcess& server, const std::string& path, const std::string& pdf) {
  auto page = http.get(server.url(path), {"Accept: text/html"});
  std::string token = input_value(page.body, "_csrf");
  const std::string boundary = "casework-test-boundary-7f3a";
  std::string body = multipart_file("pdf", "notice.pdf", "application/pdf", pdf, boundary);
  return http.post(server.url(path), body, "multipart/form-data; boundary=" + boundary,
                   {"Accept: text/html", "X-CSRF-Token: " + token});
}

class CaseworkFlow : public ::testing::Test {
 protected:
  void SetUp() override {
    add_staff(server, "sato", {"processor", "approver"}, {"children_benefits"}, {"aoba"});
    add_staff(server, "suzuki", {"approver"}, {"children_benefits"}, {"aoba"});
    add_staff(server, "tanaka", {"approver"}, {"children_benefits"}, {"aoba"});
    add_staff(server, "mail.centre", {"processor"}, {"all"}, {"all"});
  }
  ServerProcess server;
};

TEST_F(CaseworkFlow, FromSubmissionThroughCorrectionAndApprovalToAVerifiedNotice) {
  auto app = submit_application(server, "child_allowance", child_allowance_in(kAoba));
  const std::string case_path = "/staff/cases/" + app.reference;
  StaffBrowser sato(server, "sato");

  auto queue = sato.get("/staff/cases");
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find(app.reference), std::string::npos);
  EXPECT_NE(queue.body.find("鈴木　大輔"), std::string::npos);

  auto claimed = sato.post(case_path, case_path + "/claim", {});
  ASSERT_EQ(claimed.status, 303) << claimed.body;
  EXPECT_EQ(location(claimed), case_path + "?notice=claimed");
  EXPECT_EQ(status_of(server, app.reference), "in_review");

  auto no_fields = sato.post(case_path, case_path + "/correction", {{"message", "口座を確認してください。"}});
  EXPECT_EQ(no_fields.status, 422);
  EXPECT_NE(no_fields.body.find("修正してもらう項目を1つ以上選んでください"), std::string::npos);
  auto correction = sato.post(case_path, case_path + "/correction",
                              {{"fields", "bank_name"}, {"message", "金融機関名が読み取れません。正しく入力してください。"}});
  ASSERT_EQ(correction.status, 303) << correction.body;
  EXPECT_EQ(status_of(server, app.reference), "correction_requested");

  // The citizen opens the correction page: only the named question can be changed.
  HttpClient citizen;
  ASSERT_EQ(look_up_status(citizen, server, app.reference, app.status_secret).status, 303);
  auto status_page = citizen.get(server.url("/status/" + app.reference), {"Accept: text/html"});
  EXPECT_EQ(status_page.status, 200);
  auto page = citizen.get(server.url("/status/" + app.reference + "/correction"), {"Accept: text/html"});
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("金融機関名が読み取れません"), std::string::npos);
  EXPECT_NE(page.body.find("name=\"bank_name\""), std::string::npos);
  EXPECT_EQ(page.body.find("name=\"applicant_name\""), std::string::npos);
  auto resubmitted = citizen.post(
      server.url("/status/" + app.reference + "/correction"),
      form_encode({{"bank_name", "ゆうちょ銀行"}, {"applicant_name", "別人　太郎"}, {"_action", "continue"},
                   {"row_version", input_value(page.body, "row_version")}, {"_csrf", input_value(page.body, "_csrf")}}),
      "application/x-www-form-urlencoded", {"Accept: text/html"});
  ASSERT_EQ(resubmitted.status, 303) << resubmitted.body.substr(0, 2000);
  EXPECT_EQ(status_of(server, app.reference), "resubmitted");
  {
    auto db = server.database();
    auto rows = db->query("SELECT r.answers FROM application_revisions r JOIN applications a ON a.id = r.application_id "
                         "WHERE a.reference = ? ORDER BY revision", {app.reference});
    ASSERT_EQ(rows.size(), 2u);
    auto before = nlohmann::json::parse(rows[0].text(0));
    auto after = nlohmann::json::parse(rows[1].text(0));
    EXPECT_EQ(before["bank_name"], "七十七銀行");
    EXPECT_EQ(after["bank_name"], "ゆうちょ銀行");
    EXPECT_EQ(after["applicant_name"], "鈴木　大輔");
  }
  auto case_page = sato.get(case_path);
  EXPECT_NE(case_page.body.find("field-chip\">金融機関名"), std::string::npos);

  ASSERT_EQ(sato.post(case_path, case_path + "/claim", {}).status, 303);
  auto drafted = sato.post(case_path, case_path + "/decision",
                           {{"outcome", "approve"}, {"reason", ""}, {"delivery", "post"}, {"postal_code", "980-8671"},
                            {"address", "仙台市青葉区国分町三丁目7番1号\n仙台市役所 気付"}});
  ASSERT_EQ(drafted.status, 303) << drafted.body.substr(0, 3000);
  EXPECT_EQ(status_of(server, app.reference), "awaiting_approval");

  // Segregation of duties: the drafter holds the approver role too, and is refused.
  auto own = sato.post(case_path, case_path + "/approval", {{"act", "approve"}});
  EXPECT_EQ(own.status, 403);
  EXPECT_NE(own.body.find("ご自身が起案した案件は、審査・決裁できません"), std::string::npos);

  StaffBrowser suzuki(server, "suzuki");
  StaffBrowser tanaka(server, "tanaka");
  auto stale_page = tanaka.get(case_path);
  auto reviewed = suzuki.post(case_path, case_path + "/approval", {{"act", "approve"}, {"comment", "審査しました。"}});
  ASSERT_EQ(reviewed.status, 303);
  EXPECT_EQ(location(reviewed), case_path + "?notice=step_approved");
  auto twice = suzuki.post(case_path, case_path + "/approval", {{"act", "approve"}});
  EXPECT_EQ(twice.status, 403);

  // Tanaka acts on the page drawn before the review: refused, and told what changed.
  auto stale = tanaka.post_raw(case_path + "/approval",
                               {{"act", "approve"}, {"row_version", input_value(stale_page.body, "row_version")},
                                {"seen_event", input_value(stale_page.body, "seen_event")}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_NE(stale.body.find("決裁の段階を承認"), std::string::npos) << stale.body.substr(0, 3000);
  EXPECT_NE(stale.body.find("suzuki"), std::string::npos);
  EXPECT_EQ(count_audit(server, "case_action_stale", app.reference), 1);

  auto decided = tanaka.post(case_path, case_path + "/approval", {{"act", "approve"}});
  ASSERT_EQ(decided.status, 303) << decided.body.substr(0, 3000);
  EXPECT_EQ(location(decided), case_path + "?notice=decided");
  EXPECT_EQ(status_of(server, app.reference), "approved");

  // The citizen downloads the signed notice; it is the one staff see.
  auto staff_pdf = tanaka.get(case_path + "/notice.pdf");
  ASSERT_EQ(staff_pdf.status, 200);
  auto pdf = citizen.get(server.url("/status/" + app.reference + "/notice.pdf"));
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf.body, staff_pdf.body);

  auto after_decision = tanaka.get(case_path);
  std::string url = between(after_decision.body, "verify&#x2F;", "\"");  // mustache escapes "/"
  ASSERT_EQ(url.size(), 33u) << after_decision.body.substr(0, 200);
  HttpClient anyone;
  auto verified = anyone.get(server.url("/verify/" + url), {"Accept: text/html"});
  EXPECT_EQ(verified.status, 200);
  EXPECT_NE(verified.body.find("仙台市が発行した本物の文書です"), std::string::npos);
  EXPECT_NE(verified.body.find("鈴木　大輔"), std::string::npos);

  auto unchanged = post_pdf(anyone, server, "/verify/" + url, pdf.body);
  EXPECT_EQ(unchanged.status, 200) << unchanged.body.substr(0, 2000);
  EXPECT_NE(unchanged.body.find("発行時から変更されていません"), std::string::npos);
  std::string tampered = pdf.body;
  tampered[tampered.size() / 2] = static_cast<char>(tampered[tampered.size() / 2] ^ 0x01);
  auto changed = post_pdf(anyone, server, "/verify/" + url, tampered);
  EXPECT_EQ(changed.status, 422);
  EXPECT_NE(changed.body.find("PDF が発行時のものと違います"), std::string::npos);

  std::string forged = url;
  forged.back() = forged.back() == '0' ? '1' : '0';
  auto bad = anyone.get(server.url("/verify/" + forged), {"Accept: text/html"});
  EXPECT_EQ(bad.status, 404);
  EXPECT_NE(bad.body.find("当市が発行したものではありません"), std::string::npos);
  int failures = 0;
  for (const auto& row : audit_rows(server)) {
    if (row.action == "document_verification_failed") ++failures;
  }
  EXPECT_EQ(failures, 2);
  auto keys = anyone.get(server.url("/api/v1/verification-keys"));
  EXPECT_EQ(keys.json()["keys"][0]["algorithm"], "Ed25519");

  // The mail centre prints it and lists it.
  StaffBrowser mail(server, "mail.centre");
  auto listing = mail.get("/staff/mail?date=" + today());
  EXPECT_NE(listing.body.find(app.reference), std::string::npos);
  auto batch = mail.get("/staff/mail/" + today() + "/batch.pdf");
  EXPECT_EQ(batch.status, 200);
  EXPECT_EQ(batch.body.rfind("%PDF-", 0), 0u);
  auto csv = mail.get("/staff/mail/" + today() + "/manifest.csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("第" + app.reference + "号"), std::string::npos);
  EXPECT_NE(csv.body.find("980-8671"), std::string::npos);
  EXPECT_EQ(count_audit(server, "mail_batch_downloaded", today()), 1);

  // The public figures count it, without personal data.
  auto stats = anyone.get(server.url("/api/v1/stats"));
  ASSERT_EQ(stats.status, 200);
  EXPECT_EQ(stats.body.find("鈴木"), std::string::npos);
  for (const auto& p : stats.json()["procedures"]) {
    if (p["id"] != "child_allowance") continue;
    EXPECT_EQ(p["by_status"]["approved"], 1);
    EXPECT_EQ(p["by_channel"]["counter"], 1) << "entered at the counter: it needs a My Number card online";
    EXPECT_EQ(p["processing_time"]["decided"], 1);
    EXPECT_FALSE(p["processing_time"]["median_days"].is_null());
  }

  // Every step is in the audit log, with field names and never the values.
  std::vector<std::string> actions;
  for (const auto& row : audit_rows(server)) {
    if (row.subject_id == app.reference) actions.push_back(row.action);
    EXPECT_EQ(row.detail.dump().find("ゆうちょ"), std::string::npos);
    EXPECT_EQ(row.detail.dump().find("鈴木"), std::string::npos);
  }
  for (const char* expected : {"application_entered", "case_claimed", "case_correction_requested", "case_resubmitted",
                               "case_viewed", "case_decision_drafted", "access_denied", "case_step_approved",
                               "case_decided", "notice_downloaded"}) {
    EXPECT_NE(std::find(actions.begin(), actions.end(), expected), actions.end()) << expected;
  }
  auto [ok_code, ok] = server.command({"audit", "verify"});
  EXPECT_EQ(ok_code, 0) << ok;
  {
    auto raw = server.database();
    drop_guard_trigger(*raw, "audit_log_no_update", "audit_log");
    raw->execute("UPDATE audit_log SET detail = '{\"outcome\":\"reject\"}' WHERE action = 'case_decided'");
  }
  auto [bad_code, bad_out] = server.command({"audit", "verify"});
  EXPECT_EQ(bad_code, 1) << bad_out;
  EXPECT_NE(bad_out.find("altered"), std::string::npos) << bad_out;
}

TEST_F(CaseworkFlow, RejectionsNeedAReasonAndReturnedDraftsStartAgain) {
  add_staff(server, "ito", {"processor"}, {"civic_registry"}, {"all"});
  add_staff(server, "kato", {"approver"}, {"civic_registry"}, {"all"});
  auto app = submit_application(server, "residence_certificate");
  const std::string case_path = "/staff/cases/" + app.reference;
  StaffBrowser ito(server, "ito");
  StaffBrowser kato(server, "kato");
  ASSERT_EQ(ito.post(case_path, case_path + "/claim", {}).status, 303);

  auto no_reason = ito.post(case_path, case_path + "/decision", {{"outcome", "reject"}, {"delivery", "electronic"}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_NE(no_reason.body.find("却下するときは理由を入力してください"), std::string::npos);
  ASSERT_EQ(ito.post(case_path, case_path + "/decision",
                     {{"outcome", "reject"}, {"reason", "本人確認書類が確認できません。"}, {"delivery", "electronic"}})
                .status,
            303);

  auto no_comment = kato.post(case_path, case_path + "/approval", {{"act", "return"}});
  EXPECT_EQ(no_comment.status, 422);
  auto returned = kato.post(case_path, case_path + "/approval", {{"act", "return"}, {"comment", "理由を具体的に。"}});
  ASSERT_EQ(returned.status, 303);
  EXPECT_EQ(status_of(server, app.reference), "in_review");

  ASSERT_EQ(ito.post(case_path, case_path + "/decision",
                     {{"outcome", "reject"}, {"reason", "請求者と本人の関係を確認できる書類がありません。"},
                      {"delivery", "electronic"}})
                .status,
            303);
  ASSERT_EQ(kato.post(case_path, case_path + "/approval", {{"act", "approve"}}).status, 303);
  EXPECT_EQ(status_of(server, app.reference), "rejected");
  auto pdf = kato.get(case_path + "/notice.pdf");
  EXPECT_EQ(pdf.status, 200);
  auto page = kato.get(case_path);
  EXPECT_NE(page.body.find("却下通知書"), std::string::npos);
  EXPECT_NE(page.body.find("差戻し"), std::string::npos);

  // Decided cases take no more changes.
  auto late = ito.post(case_path, case_path + "/claim", {});
  EXPECT_EQ(late.status, 409) << late.body.substr(0, 400);
  EXPECT_NE(late.body.find("却下"), std::string::npos);
}

TEST(CaseworkApi, TheOpenApiDocumentDescribesTheNewRoutes) {
  ServerProcess server;
  HttpClient http;
  auto doc = http.get(server.url("/api/v1/openapi.json")).json();
  EXPECT_TRUE(doc["paths"].contains("/api/v1/stats"));
  EXPECT_TRUE(doc["paths"].contains("/api/v1/verification-keys"));
  auto stats = http.get(server.url("/api/v1/stats"));
  EXPECT_EQ(stats.status, 200);
  EXPECT_EQ(stats.json()["totals"]["applications"], 0);
}

}  // namespace
