#include <gtest/gtest.h>

#include <filesystem>

#include "applications/sqlite_application_store.h"
#include "applications/upload_store.h"
#include "platform/crypto.h"
#include "platform/db/migrations.h"

using namespace madoguchi;
using namespace madoguchi::applications;

namespace {

struct Fixture {
  std::filesystem::path dir;
  std::unique_ptr<platform::db::Database> db;
  Fixture() {
    platform::crypto::init();
    static int n = 0;
    dir = std::filesystem::temp_directory_path() / ("madoguchi-apps-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    {
      platform::db::Connection c(dir / "db", platform::db::Connection::Mode::read_write);
      platform::db::apply_migrations(c, platform::db::load_migrations(MADOGUCHI_SOURCE_DIR, {"applications"}));
    }
    db = std::make_unique<platform::db::Database>(platform::db::DatabaseSettings{dir / "db"});
  }
  ~Fixture() {
    db.reset();
    std::filesystem::remove_all(dir);
  }
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
  SqliteApplicationStore store(*f.db);
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
  SqliteApplicationStore store(*f.db);
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
  SqliteApplicationStore store(*f.db);
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

TEST(UploadStore, SniffsSavesDurablyAndIsClaimedOnce) {
  Fixture f;
  UploadStore uploads(*f.db, f.dir / "uploads");
  SqliteApplicationStore store(*f.db);
  auto saved = uploads.save("%PDF-1.7 test", "源泉徴収票.pdf", "application/pdf");
  EXPECT_EQ(saved.media_type, "application/pdf");
  EXPECT_TRUE(std::filesystem::exists(uploads.path_of(saved)));
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

TEST(UploadStore, PurgesOnlyOldUnclaimedUploads) {
  Fixture f;
  UploadStore uploads(*f.db, f.dir / "uploads");
  auto kept = uploads.save("\x89PNG\r\n\x1a\nxxxx", "a.png", "image/png");
  EXPECT_EQ(uploads.purge_unclaimed(std::chrono::hours(1)), 0u);
  EXPECT_EQ(uploads.purge_unclaimed(std::chrono::seconds(-1)), 1u);
  EXPECT_FALSE(uploads.find(kept.id));
  EXPECT_FALSE(std::filesystem::exists(uploads.path_of(kept)));
}
