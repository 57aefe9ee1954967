// Drafts in the database: opened only with their token, saved with their
// completed pages, moved to another browser once by a resume code, linked to
// their application in the submitting transaction, emptied when expired;
// and failed guesses limited per key.
#include <gtest/gtest.h>

#include "applications/access_attempts.h"
#include "applications/draft_store.h"
#include "applications/sql_application_store.h"
#include "test_support.h"

namespace madoguchi::applications {
namespace {

struct Clock {
  platform::Clock::time_point now = platform::parse_iso_timestamp("2026-11-22T01:00:00.000Z");
  DraftStore::Now fn() {
    return [this] { return now; };
  }
};

TEST(DraftStore, OpensOnlyWithItsToken) {
  testing::TempDatabase t;
  Clock clock;
  DraftStore drafts(*t.db, std::chrono::hours(24 * 30), clock.fn());
  auto opened = drafts.create({"residence_certificate", 1, "online", std::nullopt});
  auto found = drafts.find(opened.draft.public_id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->procedure_id, "residence_certificate");
  EXPECT_EQ(found->expires_at, "2026-12-22T01:00:00.000Z");
  EXPECT_TRUE(drafts.token_matches(found->id, opened.token));
  EXPECT_FALSE(drafts.token_matches(found->id, "guess"));
  EXPECT_FALSE(drafts.token_matches(found->id, ""));
  EXPECT_FALSE(drafts.find("0000000000000000"));
}

TEST(DraftStore, SavesAnswersCompletedPagesAndTheAccount) {
  testing::TempDatabase t;
  Clock clock;
  DraftStore drafts(*t.db, std::chrono::hours(24 * 30), clock.fn());
  auto opened = drafts.create({"residence_certificate", 1, "online", std::nullopt});
  clock.now += std::chrono::hours(1);
  EXPECT_TRUE(drafts.save(opened.draft.id, {{"requester_name", "髙橋"}}, 42, "requester"));
  EXPECT_TRUE(drafts.save(opened.draft.id, {{"requester_name", "髙橋"}}, std::nullopt, "requester"));
  auto found = drafts.find(opened.draft.public_id);
  EXPECT_EQ(found->answers["requester_name"], "髙橋");
  EXPECT_EQ(found->completed_sections, std::vector<std::string>{"requester"});
  EXPECT_EQ(found->citizen_account_id, 42);
  EXPECT_EQ(found->expires_at, "2026-12-22T02:00:00.000Z") << "saving keeps it longer";
  EXPECT_EQ(drafts.list_for_account(42).size(), 1u);
  EXPECT_TRUE(drafts.list_for_account(43).empty());
}

TEST(DraftStore, AResumeCodeMovesTheDraftToAnotherBrowserOnce) {
  testing::TempDatabase t;
  Clock clock;
  DraftStore drafts(*t.db, std::chrono::hours(24 * 30), clock.fn());
  auto opened = drafts.create({"child_allowance", 1, "online", std::nullopt});
  std::string code = drafts.issue_resume_code(opened.draft.id);
  EXPECT_TRUE(drafts.resume_code_matches(opened.draft.id, code));
  auto found = drafts.find_by_resume_code(code);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, opened.draft.id);
  std::string token = drafts.move_to_new_browser(found->id);
  EXPECT_TRUE(drafts.token_matches(found->id, token));
  EXPECT_FALSE(drafts.token_matches(found->id, opened.token)) << "the first browser no longer opens it";
  EXPECT_FALSE(drafts.find_by_resume_code(code)) << "a code works once";
  std::string second = drafts.issue_resume_code(opened.draft.id);
  EXPECT_NE(second, code);
}

TEST(DraftStore, LinksItsApplicationInTheSubmittingTransaction) {
  testing::TempDatabase t;
  Clock clock;
  DraftStore drafts(*t.db, std::chrono::hours(24 * 30), clock.fn());
  SqlApplicationStore store(*t.db);
  auto opened = drafts.create({"child_allowance", 1, "online", 7});
  drafts.save(opened.draft.id, {{"applicant_name", "鈴木"}}, std::nullopt);
  NewApplication a;
  a.procedure_id = "child_allowance";
  a.procedure_version = 1;
  a.department = "children_benefits";
  a.answers = {{"applicant_name", "鈴木"}};
  a.within_transaction = [&](platform::db::Connection& c, const Submitted& s) {
    EXPECT_TRUE(DraftStore::link_application(c, opened.draft.id, s.id));
    EXPECT_FALSE(DraftStore::link_application(c, opened.draft.id, s.id));
  };
  auto outcome = store.submit(a, std::nullopt);
  auto found = drafts.find(opened.draft.public_id);
  EXPECT_EQ(found->application_id, outcome.submitted.id);
  EXPECT_EQ(found->reference, outcome.submitted.reference);
  EXPECT_TRUE(found->answers.empty()) << "the application keeps the answers, not the draft";
  EXPECT_FALSE(drafts.save(opened.draft.id, {{"x", 1}}, std::nullopt)) << "a submitted draft no longer changes";
  EXPECT_TRUE(drafts.list_for_account(7).empty());
}

TEST(DraftStore, NothingIsStoredWhenTheSubmittingTransactionFails) {
  testing::TempDatabase t;
  Clock clock;
  DraftStore drafts(*t.db, std::chrono::hours(24 * 30), clock.fn());
  SqlApplicationStore store(*t.db);
  auto opened = drafts.create({"child_allowance", 1, "online", std::nullopt});
  NewApplication a;
  a.procedure_id = "child_allowance";
  a.procedure_version = 1;
  a.department = "children_benefits";
  a.answers = nlohmann::json::object();
  a.within_transaction = [&](platform::db::Connection& c, const Submitted& s) {
    DraftStore::link_application(c, opened.draft.id, s.id);
    throw std::runtime_error("mail refused");
  };
  EXPECT_THROW(store.submit(a, std::nullopt), std::runtime_error);
  EXPECT_FALSE(drafts.find(opened.draft.public_id)->application_id);
}

TEST(DraftStore, ExpiredDraftsLoseTheirAnswers) {
  testing::TempDatabase t;
  Clock clock;
  DraftStore drafts(*t.db, std::chrono::hours(24), clock.fn());
  auto opened = drafts.create({"child_allowance", 1, "online", 3});
  drafts.save(opened.draft.id, {{"applicant_name", "鈴木"}}, std::nullopt);
  std::string code = drafts.issue_resume_code(opened.draft.id);
  clock.now += std::chrono::hours(25);
  EXPECT_EQ(drafts.purge_expired(), 1u);
  auto found = drafts.find(opened.draft.public_id);
  ASSERT_TRUE(found) << "the draft stays, so its page can say it expired";
  EXPECT_TRUE(found->answers.empty());
  EXPECT_FALSE(drafts.find_by_resume_code(code));
  EXPECT_TRUE(drafts.list_for_account(3).empty());
}

TEST(AccessAttempts, BlocksAKeyAfterTooManyFailuresUntilTheWindowEnds) {
  testing::TempDatabase t;
  Clock clock;
  AccessAttempts attempts(*t.db, clock.fn());
  AttemptLimit limit{"test", 3, std::chrono::minutes(15)};
  for (int i = 0; i < 3; ++i) {
    EXPECT_FALSE(attempts.blocked(limit, "MDG-7K3Q-9XPD")) << i;
    attempts.record_failure(limit, "MDG-7K3Q-9XPD");
  }
  EXPECT_TRUE(attempts.blocked(limit, "MDG-7K3Q-9XPD"));
  EXPECT_FALSE(attempts.blocked(limit, "MDG-0000-0000"));
  EXPECT_FALSE(attempts.blocked({"other", 3, std::chrono::minutes(15)}, "MDG-7K3Q-9XPD"));
  clock.now += std::chrono::minutes(15);
  EXPECT_FALSE(attempts.blocked(limit, "MDG-7K3Q-9XPD"));
  attempts.record_failure(limit, "MDG-7K3Q-9XPD");
  EXPECT_FALSE(attempts.blocked(limit, "MDG-7K3Q-9XPD")) << "a new window starts counting again";
}

}  // namespace
}  // namespace madoguchi::applications
