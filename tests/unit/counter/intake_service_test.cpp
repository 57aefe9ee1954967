// The counter's use cases on a real database: a pre-entry code is issued once
// per set of drafts and taken in once; a code for a different set replaces the
// older one; expired, used, replaced, forged and other installations' codes
// are refused by name; corrections keep the citizen's
// version and are audited; the card reading is checked again and the number
// sealed; submission sends the answers as channel `counter` with both
// revisions, and the audit log never holds the personal values.
#include <gtest/gtest.h>

#include "applications/draft_store.h"
#include "applications/sql_application_store.h"
#include "applications/submission_service.h"
#include "applications/upload_store.h"
#include "counter/intake_service.h"
#include "identity/audit_log.h"
#include "test_support.h"

namespace madoguchi::counter {
namespace {

// The tests' own day, on the platform clock every use case reads.
bool start_clock() {
  platform::set_clock_start(*platform::parse_clock_start("2026-11-22T10:00:00+09:00"));
  return true;
}

identity::AuditQuery entries(const std::string& action, const std::string& subject) {
  identity::AuditQuery query;
  query.action = action;
  query.subject_id = subject;
  return query;
}

struct Counter {
  bool clock_started = start_clock();
  testing::TempDatabase t;
  platform::Clock::time_point now = platform::Clock::now();
  applications::DraftStore drafts;
  applications::SqlApplicationStore store;
  applications::UploadStore uploads;
  applications::SubmissionService submissions;
  identity::AuditLog audit;
  NumberVault vault;
  PreEntryStore codes;
  IntakeStore intakes;
  IntakeService service;
  identity::StaffUser clerk;
  identity::AuditActor actor{"staff", "clerk.aoba", "127.0.0.1", "req-1"};

  explicit Counter(const std::string& name)
      : t(name),
        drafts(*t.db, std::chrono::hours(24 * 30)),
        store(*t.db),
        uploads(*t.db, madoguchi::testing::scratch_dir(name + "-uploads")),
        submissions(testing::real_catalogue(), store, uploads, nullptr),
        audit(*t.db, std::vector<uint8_t>(32, 7)),
        vault(*t.db, std::vector<uint8_t>(32, 9)),
        codes(*t.db, std::vector<uint8_t>(32, 1), std::chrono::hours(24 * 30), [this] { return now; }),
        intakes(*t.db, audit, vault),
        service(testing::real_catalogue(), drafts, submissions, codes, intakes) {
    clerk.login = "clerk.aoba";
    clerk.roles = identity::RoleSet{identity::Role::counter_clerk};
    clerk.scope = {identity::CodeSet::all(), identity::CodeSet::of({"aoba"})};
  }

  applications::Draft counter_draft(const std::string& procedure) {
    auto opened = drafts.create({procedure, testing::procedure(procedure).version, "counter", std::nullopt});
    drafts.save(opened.draft.id, testing::sample(procedure), std::nullopt);
    return *drafts.find(opened.draft.public_id);
  }

  Intake take_in(const std::string& code) {
    auto outcome = service.take_in(code, clerk, std::string("Q-0042"), actor);
    if (!std::holds_alternative<Intake>(outcome)) {
      ADD_FAILURE() << "refused: " << static_cast<int>(std::get<IntakeRefusal>(outcome).problem);
      return {};
    }
    return std::get<Intake>(outcome);
  }

  TakeProblem refusal(const std::string& code) {
    auto outcome = service.take_in(code, clerk, std::nullopt, actor);
    if (std::holds_alternative<Intake>(outcome)) {
      ADD_FAILURE() << "taken in";
      return TakeProblem::malformed;
    }
    return std::get<IntakeRefusal>(outcome).problem;
  }
};

TEST(IntakeService, IssuesOneCodePerDraftAndTakesItInOnce) {
  Counter c("intake-once");
  auto draft = c.counter_draft("moving_in");
  auto issued = c.codes.issue({draft.id});
  EXPECT_EQ(c.codes.issue({draft.id}).code.text, issued.code.text) << "showing the QR again makes no new code";
  auto intake = c.take_in(issued.code.text);
  ASSERT_EQ(intake.items.size(), 1u);
  EXPECT_EQ(intake.items[0].procedure_id, "moving_in");
  EXPECT_EQ(intake.items[0].answers, draft.answers);
  EXPECT_EQ(intake.visit_reference, "Q-0042");
  EXPECT_EQ(intake.ward, "aoba");
  EXPECT_EQ(c.refusal(issued.code.text), TakeProblem::used);
  EXPECT_EQ(c.codes.intake_of_draft(draft.id), intake.id);
  EXPECT_FALSE(c.codes.outstanding_for_draft(draft.id));
}

TEST(IntakeService, OneCodeCoversABundleOfDrafts) {
  Counter c("intake-bundle");
  auto moving = c.counter_draft("moving_in");
  auto insurance = c.counter_draft("health_insurance_enrolment");
  auto child = c.counter_draft("child_allowance");
  auto issued = c.codes.issue({moving.id, insurance.id, child.id});
  auto intake = c.take_in(issued.code.text);
  ASSERT_EQ(intake.items.size(), 3u);
  EXPECT_EQ(intake.items[1].procedure_id, "health_insurance_enrolment");
  EXPECT_EQ(intake.items[2].procedure_id, "child_allowance");
}

TEST(IntakeService, ABundleKeepsItsCodeUntilItsSetChangesAndTheOlderCodeIsThenRefused) {
  Counter c("intake-replaced");
  auto moving = c.counter_draft("moving_in");
  auto seal = c.counter_draft("seal_registration");
  auto first = c.codes.issue({moving.id});
  auto both = c.codes.issue({moving.id, seal.id});
  EXPECT_NE(both.code.text, first.code.text) << "a different set gets a new code";
  EXPECT_EQ(c.codes.issue({moving.id, seal.id}).code.text, both.code.text) << "the same set keeps its code";
  EXPECT_EQ(c.codes.outstanding_for_draft(moving.id)->code.text, both.code.text);
  EXPECT_EQ(c.refusal(first.code.text), TakeProblem::replaced);
  auto intake = c.take_in(both.code.text);
  ASSERT_EQ(intake.items.size(), 2u);
  EXPECT_EQ(intake.items[0].procedure_id, "moving_in");
  EXPECT_EQ(intake.items[1].procedure_id, "seal_registration");
  EXPECT_EQ(c.refusal(both.code.text), TakeProblem::used);
}

TEST(IntakeService, RefusesExpiredForgedAndForeignCodes) {
  Counter c("intake-refused");
  auto draft = c.counter_draft("moving_in");
  auto issued = c.codes.issue({draft.id});
  c.now += std::chrono::hours(24 * 31);
  EXPECT_EQ(c.refusal(issued.code.text), TakeProblem::expired);
  EXPECT_EQ(c.refusal("MDQ-0000"), TakeProblem::malformed);
  auto foreign = make_pre_entry_code(std::vector<uint8_t>(32, 2), 12345);
  auto problem = c.refusal(foreign.text);
  EXPECT_TRUE(problem == TakeProblem::other_installation || problem == TakeProblem::forged);
  auto unknown = make_pre_entry_code(std::vector<uint8_t>(32, 1), 777);
  EXPECT_EQ(c.refusal(unknown.text), TakeProblem::unknown) << "our key, but never issued";
}

TEST(IntakeService, CorrectionsKeepTheCitizensVersionAndAreAudited) {
  Counter c("intake-correct");
  auto draft = c.counter_draft("moving_in");
  auto intake = c.take_in(c.codes.issue({draft.id}).code.text);
  auto item = intake.items[0];
  auto saved = c.service.correct(intake, item, "notifier_name", "髙橋　大輔", item.row_version, c.actor, "clerk");
  EXPECT_EQ(saved.kind, CorrectionOutcome::Kind::saved);
  auto again = c.service.correct(intake, item, "notifier_name", "高橋　大輔", item.row_version, c.actor, "clerk");
  EXPECT_EQ(again.kind, CorrectionOutcome::Kind::stale) << "from a row version already changed";
  auto fresh = *c.intakes.find(intake.public_id);
  EXPECT_EQ(fresh.items[0].answers["notifier_name"], "髙橋　大輔");
  EXPECT_EQ(fresh.items[0].entered_answers["notifier_name"], "鈴木　大輔");
  auto invalid = c.service.correct(fresh, fresh.items[0], "notifier_birth_date", "2099-01-01", fresh.items[0].row_version,
                                   c.actor, "clerk");
  EXPECT_EQ(invalid.kind, CorrectionOutcome::Kind::invalid);
  EXPECT_FALSE(invalid.errors.empty());
  EXPECT_EQ(c.service.correct(fresh, fresh.items[0], "members", "x", fresh.items[0].row_version, c.actor, "clerk").kind,
            CorrectionOutcome::Kind::unknown_field);
  auto page = c.audit.search(entries("counter_answer_corrected", intake.public_id));
  ASSERT_EQ(page.records.size(), 1u);
  EXPECT_EQ(page.records[0].detail.find("髙橋"), std::string::npos) << "no personal value in the audit log";
}

TEST(IntakeService, TheCardReadingIsCheckedAgainAndTheNumberSealed) {
  Counter c("intake-card");
  auto intake = c.take_in(c.codes.issue({c.counter_draft("child_allowance").id}).code.text);
  nlohmann::json reading = {{"name", "髙橋\u3000𠮷子"}, {"address", "宮城県仙台市青葉区国分町三丁目7番1号"},
                            {"birth_date", "1985-04-01"}, {"sex_code", 2}, {"individual_number", "123456789018"}};
  auto items = c.service.record_card(intake, reading, c.clerk, c.actor);
  EXPECT_EQ(items.name.outside_jis_x_0208.size(), 2u);
  auto fresh = *c.intakes.find(intake.public_id);
  EXPECT_TRUE(fresh.has_individual_number);
  EXPECT_EQ((*fresh.card_items)["name"], "髙橋\u3000𠮷子");
  EXPECT_EQ(c.vault.reveal(intake.id), "123456789018");
  auto stored = c.t.db->read([](platform::db::Connection& db) {
    return db.query_one("SELECT sealed FROM counter_individual_numbers")->text(0);
  });
  EXPECT_EQ(stored.find("123456789018"), std::string::npos) << "sealed, not plain";

  reading["individual_number"] = "123456789011";
  EXPECT_THROW(c.service.record_card(intake, reading, c.clerk, c.actor), CardDataError);
  reading.erase("individual_number");
  reading["birth_date"] = "1985-02-30";
  EXPECT_THROW(c.service.record_card(intake, reading, c.clerk, c.actor), CardDataError);
  EXPECT_THROW(c.service.record_card(intake, nlohmann::json::array(), c.clerk, c.actor), CardDataError);
}

TEST(IntakeService, SubmitsAsCounterWithTheCitizensVersionAsRevisionOne) {
  Counter c("intake-submit");
  auto draft = c.counter_draft("moving_in");
  auto intake = c.take_in(c.codes.issue({draft.id}).code.text);
  c.service.correct(intake, intake.items[0], "notifier_name", "髙橋　大輔", intake.items[0].row_version, c.actor, "card");
  auto fresh = *c.intakes.find(intake.public_id);
  auto results = c.service.submit(fresh, c.clerk, c.actor);
  ASSERT_EQ(results.size(), 1u);
  ASSERT_TRUE(results[0].reference) << (results[0].errors.empty() ? "" : results[0].errors[0].path);
  auto application = *c.store.find(*results[0].reference);
  EXPECT_EQ(application.channel, "counter");
  EXPECT_EQ(application.answers["notifier_name"], "髙橋　大輔");
  auto revisions = c.store.revisions(application.id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].answers["notifier_name"], "鈴木　大輔");
  EXPECT_EQ(revisions[1].note, "corrected_at_counter");
  EXPECT_EQ(c.store.events(application.id)[0].actor, "clerk.aoba");
  EXPECT_EQ(c.drafts.find(draft.public_id)->application_id, application.id);
  auto submitted = *c.intakes.find(intake.public_id);
  EXPECT_TRUE(submitted.all_submitted());
  auto twice = c.service.submit(submitted, c.clerk, c.actor);
  EXPECT_EQ(twice[0].reference, results[0].reference) << "submitting again changes nothing";
  EXPECT_EQ(c.audit.search(entries("counter_submitted", *results[0].reference)).records.size(), 1u);
}

}  // namespace
}  // namespace madoguchi::counter
