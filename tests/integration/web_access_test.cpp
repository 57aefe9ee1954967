// Who may see what on the citizen web: a draft and its receipt only in the
// browser that holds the draft; a status only with the reference and its
// status code (wrong guesses limited per client, the answer the same
// whether or not the reference exists); resume codes once, guesses limited;
// the account page only when signed in.
#include <gtest/gtest.h>

#include <regex>

#include "harness.h"
#include "platform/db/connection.h"
#include "web_client.h"

using namespace madoguchi::testing;
using madoguchi::platform::db::Connection;

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

bool contains(const std::string& body, const std::string& text) { return body.find(text) != std::string::npos; }

class WebAccess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new ServerProcess(); }
  static void TearDownTestSuite() { delete server; }
  static ServerProcess* server;

  struct Applied {
    std::string draft;
    std::string reference;
    std::string status_code;
  };

  // Applies for bulky-waste collection; returns the draft path, the reference and the status code.
  Applied apply(WebClient& web, const std::string& email) {
    std::string draft = answer_bulky_waste(web, email);
    web.get(draft + "/check");
    EXPECT_EQ(web.post(draft + "/submit", {{"_version", "1"}}).status, 303);
    auto receipt = web.get(draft + "/receipt");
    std::smatch reference, code;
    EXPECT_TRUE(std::regex_search(receipt.body, reference, std::regex("MDG-[0-9A-Z]{4}-[0-9A-Z]{4}")));
    EXPECT_TRUE(std::regex_search(receipt.body, code, std::regex("data-status-code>([0-9A-Z-]{19})<")));
    return {draft, reference.str(), code.size() > 1 ? code[1].str() : std::string()};
  }
};
ServerProcess* WebAccess::server = nullptr;

TEST_F(WebAccess, OnlyTheSubmittingBrowserSeesTheReceipt) {
  WebClient mine(*server);
  auto [draft, reference, code] = apply(mine, "yoko@example.jp");
  EXPECT_EQ(mine.get(draft + "/receipt.pdf").status, 200);
  EXPECT_EQ(mine.get("/status/" + reference).status, 200) << "the submitting browser may follow it";

  WebClient stranger(*server);
  auto receipt = stranger.get(draft + "/receipt");
  EXPECT_EQ(receipt.status, 403);
  EXPECT_FALSE(contains(receipt.body, reference));
  EXPECT_FALSE(contains(receipt.body, "千葉"));
  EXPECT_EQ(stranger.get(draft + "/receipt.pdf").status, 403);
  auto status = stranger.get("/status/" + reference);
  EXPECT_EQ(status.status, 303);
  EXPECT_EQ(status.header("location"), "/status?reference=" + reference);
  EXPECT_EQ(stranger.get("/status/" + reference + "/receipt.pdf").status, 303);
}

TEST_F(WebAccess, TheStatusOpensWithTheCodeAndGuessesAreLimited) {
  WebClient mine(*server);
  auto [draft, reference, code] = apply(mine, "limit@example.jp");

  WebClient other(*server);
  other.get("/status");
  auto ok = other.post("/status", {{"reference", reference}, {"status_code", " " + code + " "}});
  EXPECT_EQ(ok.status, 303);
  auto page = other.get("/status/" + reference);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "受付済み"));

  WebClient guesser(*server);
  guesser.get("/status");
  auto wrong = guesser.post("/status", {{"reference", reference}, {"status_code", "0000-0000-0000-0000"}});
  EXPECT_EQ(wrong.status, 422);
  auto unknown = guesser.post("/status", {{"reference", "MDG-0000-0000"}, {"status_code", code}});
  EXPECT_EQ(unknown.status, 422);
  auto message = [](const std::string& body) {
    auto at = body.find("error-summary");
    return at == std::string::npos ? std::string() : body.substr(at, 600);
  };
  EXPECT_NE(message(wrong.body).find("組み合わせが見つかりません"), std::string::npos);
  EXPECT_NE(message(unknown.body).find("組み合わせが見つかりません"), std::string::npos)
      << "an unknown reference looks like a wrong code";
  for (int i = 0; i < 8; ++i) guesser.post("/status", {{"reference", reference}, {"status_code", "0000-0000-0000-0000"}});
  auto blocked = guesser.post("/status", {{"reference", reference}, {"status_code", code}});
  EXPECT_EQ(blocked.status, 429);
  EXPECT_TRUE(contains(blocked.body, "しばらく受け付けを止めています"));
}

TEST_F(WebAccess, TheStatusFormNamesWhatIsMissing) {
  WebClient web(*server);
  web.get("/status");
  auto r = web.post("/status", {{"reference", "MDG-12"}, {"status_code", ""}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "受付番号の形が正しくありません"));
  EXPECT_TRUE(contains(r.body, "確認コードを入力してください"));
  EXPECT_TRUE(contains(r.body, "href=\"#status-reference\""));
  EXPECT_TRUE(contains(r.body, "href=\"#status-code\""));
}

TEST_F(WebAccess, AResumeCodeWorksOnceAndGuessesAreLimited) {
  WebClient first(*server);
  std::string draft = first.start("child_allowance", "counter");
  first.get(draft + "/step/applicant");
  auto saved = first.post(draft + "/step/applicant", {{"_version", "1"}, {"_action", "save"}, {"applicant_name", "鈴木　大輔"}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.header("location"), draft + "/saved");
  auto page = first.get(draft + "/saved");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page.body, m, std::regex("data-resume-code>([0-9A-Z-]{14})<")));
  std::string code = m[1];

  WebClient second(*server);
  second.get("/resume");
  auto resumed = second.post("/resume", {{"code", code}});
  EXPECT_EQ(resumed.status, 303);
  EXPECT_EQ(resumed.header("location"), draft);
  auto step = second.get(draft + "/step/applicant");
  EXPECT_EQ(attribute_of(step.body, "f-applicant_name", "value"), "鈴木　大輔");
  EXPECT_EQ(first.get(draft + "/step/applicant").status, 403) << "the draft moved to the second browser";

  WebClient third(*server);
  third.get("/resume");
  EXPECT_EQ(third.post("/resume", {{"code", code}}).status, 422) << "a code works once";
  for (int i = 0; i < 19; ++i) third.post("/resume", {{"code", "0000-0000-0000"}});
  auto blocked = third.post("/resume", {{"code", "0000-0000-0000"}});
  EXPECT_EQ(blocked.status, 429);
}

TEST_F(WebAccess, TheAccountPageAsksToSignIn) {
  WebClient web(*server);
  auto r = web.get("/account");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location").rfind("/account/login", 0), 0u);
}

}  // namespace
