#include <gtest/gtest.h>

#include <filesystem>

#include "applications/sql_application_store.h"
#include "applications/upload_store.h"
#include "platform/crypto.h"
#include "support/test_database.h"

using namespace madoguchi;
using namespace madoguchi::applications;

namespace {

struct Fixture {
  madoguchi::testing::TestDatabase database{{"applications"}, "apps"};
  platform::db::Database* db = &database.db();
  std::filesystem::path dir = madoguchi::testing::scratch_dir("apps-" + platform::crypto::random_token(6));
};

NewApplication sample() {
  NewApplication a;
  a.procedure_id = "child_allowance";
  a.procedure_version = 1;
  a.department = "children_benefits";
  a.ward = "taihaku";
  a.answers = {{"applicant_name", "髙橋　﨑子"}};
  a.applicant_name = "髙橋　﨑子";
  return a;
}

}  // namespace

TEST(ApplicationStore, SubmitStoresEverythingAndTheSecretOnlyAsAHash) {
  Fixture f;
  SqlApplicationStore store(*f.db);
  auto outcome = store.submit(sample(), std::nullopt);
  EXPECT_EQ(outcome.kind, SubmitOutcome::Kind::created);
  auto found = store.find(outcome.submitted.reference);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->applicant_name, "髙橋　﨑子");
  EXPECT_EQ(found->status, Status::submitted);
  EXPECT_EQ(found->ward, "taihaku");
  EXPECT_TRUE(store.check_status_secret(outcome.submitted.reference, outcome.submitted.status_secret));
  EXPECT_FALSE(store.check_status_secret(outcome.submitted.reference, "guess"));
  auto stored = f.db->read([](platform::db::Connection& c) { return c.query_one("SELECT status_secret_hash FROM applications")->text(0); });
  EXPECT_NE(stored, outcome.submitted.status_secret);
  EXPECT_EQ(store.events(found->id).size(), 1u);
}

TEST(ApplicationStore, StatusChangesFollowTheRulesAndRefuseStaleRows) {
  Fixture f;
  SqlApplicationStore store(*f.db);
  auto id = store.submit(sample(), std::nullopt).submitted.id;
  int v = store.find_by_id(id)->row_version;
  EXPECT_THROW(store.change_status(id, v, Status::approved, "x", {}), InvalidTransition);
  int v2 = store.change_status(id, v, Status::in_review, "processor", {});
  EXPECT_THROW(store.change_status(id, v, Status::correction_requested, "processor", {}), StaleRevision);
  int v3 = store.change_status(id, v2, Status::correction_requested, "processor", {{"fields", {"applicant_name"}}});
  int v4 = store.resubmit(id, v3, {{"applicant_name", "髙橋　崎子"}}, "fixed");
  auto revisions = store.revisions(id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].answers["applicant_name"], "髙橋　﨑子");
  EXPECT_EQ(revisions[1].answers["applicant_name"], "髙橋　崎子");
  auto a = store.find_by_id(id);
  EXPECT_EQ(a->status, Status::resubmitted);
  EXPECT_EQ(a->row_version, v4);
  EXPECT_EQ(store.events(id).size(), 4u);
}

TEST(ApplicationStore, IdempotencyReplaysAndRefusesReuse) {
  Fixture f;
  SqlApplicationStore store(*f.db);
  IdempotencyRequest key{"k1", "hash-a"};
  auto first = store.submit(sample(), key);
  auto second = store.submit(sample(), key);
  EXPECT_EQ(second.kind, SubmitOutcome::Kind::replayed);
  EXPECT_EQ(first.submitted.reference, second.submitted.reference);
  EXPECT_EQ(first.submitted.status_secret, second.submitted.status_secret);
  EXPECT_THROW(store.submit(sample(), IdempotencyRequest{"k1", "hash-b"}), IdempotencyConflict);
  EXPECT_EQ(store.replay(key)->reference, first.submitted.reference);
  EXPECT_FALSE(store.replay({"other", "x"}));
}

class UploadStorage : public ::testing::TestWithParam<UploadStore::Storage> {};

TEST_P(UploadStorage, SniffsSavesDurablyAndIsClaimedOnce) {
  Fixture f;
  UploadStore uploads(*f.db, f.dir / "uploads", GetParam());
  SqlApplicationStore store(*f.db);
  auto saved = uploads.save("%PDF-1.7 test", "源泉徴収票.pdf", "application/pdf");
  EXPECT_EQ(saved.media_type, "application/pdf");
  EXPECT_EQ(uploads.content(saved), "%PDF-1.7 test");
  EXPECT_EQ(std::filesystem::exists(f.dir / "uploads"), GetParam() == UploadStore::Storage::files);
  EXPECT_THROW(uploads.save("%PDF-1.7", "photo.png", "image/png"), UploadRejected);
  EXPECT_THROW(uploads.save("hello", "a.pdf", ""), UploadRejected);
  EXPECT_THROW(uploads.save("", "a.pdf", ""), UploadRejected);
  auto a = sample();
  a.upload_ids = {saved.id};
  store.submit(a, std::nullopt);
  EXPECT_TRUE(uploads.find(saved.id)->application_id.has_value());
  EXPECT_THROW(store.submit(a, std::nullopt), UploadUnavailable);
  auto count = f.db->read([](platform::db::Connection& c) { return c.query_one("SELECT count(*) FROM applications")->integer(0); });
  EXPECT_EQ(count, 1) << "the failed submission must leave nothing behind";
}

TEST_P(UploadStorage, PurgesOnlyOldUnclaimedUploadsAndTheirContent) {
  Fixture f;
  UploadStore uploads(*f.db, f.dir / "uploads", GetParam());
  auto kept = uploads.save("\x89PNG\r\n\x1a\nxxxx", "a.png", "image/png");
  EXPECT_EQ(uploads.purge_unclaimed(std::chrono::hours(1)), 0u);
  EXPECT_EQ(uploads.purge_unclaimed(std::chrono::seconds(-1)), 1u);
  EXPECT_FALSE(uploads.find(kept.id));
  EXPECT_THROW(uploads.content(kept), std::runtime_error);
}

INSTANTIATE_TEST_SUITE_P(Storage, UploadStorage,
                         ::testing::Values(UploadStore::Storage::files, UploadStore::Storage::database),
                         [](const auto& info) { return info.param == UploadStore::Storage::files ? "files" : "database"; });
