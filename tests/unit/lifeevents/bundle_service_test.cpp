// A bundle's drafts: prepared for the procedures that apply once the shared answers are complete,
// asking only what is left; kept in step when a shared answer changes without undoing what the
// citizen corrected in a form; rebased when a procedure's form changes meanwhile (answers kept,
// only the changed page asked); the online ones submitted together, once; the counter ones never
// submitted by the citizen but handed to the visit's one pre-entry code while ready and not taken
// in by a clerk.
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "applications/form_state.h"
#include "forms/sample_dates.h"
#include "scenarios.h"

namespace madoguchi::lifeevents {
namespace {

using namespace testing;

Bundle answered(Services& s, const std::string& event_id, const nlohmann::json& answers) {
  const auto& event = life_event(event_id);
  auto opened = s.bundles->create(event_id, event.version, std::nullopt);
  std::vector<std::string> sections;
  for (const auto& section : event.form.form.sections) sections.push_back(section.id);
  s.bundles->save(opened.bundle.id, answers, sections, "", event.version, std::nullopt);
  return *s.bundles->find(opened.bundle.public_id);
}

const ItemState& state_of(const BundleState& state, const std::string& id) {
  for (const auto& item : state.items) {
    if (item.planned->item->id == id) return item;
  }
  std::abort();
}

// Answers what a prepared draft still asks from the procedure's demo sample, keeping what it holds
// but for the corrections given.
void finish(Services& s, const applications::Draft& draft, const nlohmann::json& corrections = nlohmann::json::object()) {
  std::ifstream in(std::string(MADOGUCHI_SOURCE_DIR) + "/demo/answers/" + draft.procedure_id + ".json");
  auto sample = forms::resolve_sample_dates(nlohmann::json::parse(in), kToday);
  auto answers = draft.answers;
  for (const auto& [key, value] : sample.items()) {
    if (!answers.contains(key)) answers[key] = value;
  }
  answers.update(corrections);
  ASSERT_TRUE(s.drafts->save(draft.id, answers, std::nullopt));
}

TEST(BundleService, PreparesADraftForEachProcedureAskingOnlyWhatIsLeft) {
  Services s("bundle-prepare");
  Service service(s, real_catalogue(), real_life_events());
  auto bundle = answered(s, "moving_in", moving_in_answers());
  auto state = service.bundles.state(bundle, std::nullopt);
  ASSERT_TRUE(state.list_ready());
  ASSERT_TRUE(state.shared_done);
  EXPECT_EQ(state.items.size(), 8u);
  for (const auto& item : state.items) EXPECT_FALSE(item.draft) << "nothing prepared before sync";

  auto created = service.bundles.sync(bundle, std::nullopt);
  EXPECT_EQ(created.size(), 8u);
  bundle = *s.bundles->find(bundle.public_id);
  EXPECT_TRUE(service.bundles.sync(bundle, std::nullopt).empty()) << "a second sync changes nothing";
  state = service.bundles.state(bundle, std::nullopt);

  const auto& moving_in = state_of(state, "moving_in");
  ASSERT_TRUE(moving_in.draft);
  EXPECT_EQ(moving_in.draft->channel, "counter");
  EXPECT_EQ(moving_in.draft->return_to, BundleService::list_path(bundle));
  EXPECT_EQ(moving_in.questions_left, 0) << "the 転入届 is answered entirely by the shared answers";

  const auto& insurance = state_of(state, "health_insurance_enrolment");
  EXPECT_EQ(insurance.draft->channel, "counter") << "online it needs the My Number card: prepared for the counter";
  EXPECT_EQ(insurance.questions_left, 3) << "the head of household's kana and birth date, and how to pay";
  const auto& given = insurance.draft->given_fields;
  EXPECT_NE(std::find(given.begin(), given.end(), "insured_members"), given.end());
  EXPECT_NE(std::find(insurance.draft->completed_sections.begin(), insurance.draft->completed_sections.end(), "insured"),
            insurance.draft->completed_sections.end())
      << "a page answered entirely once is passed over";
}

TEST(BundleService, ASharedAnswerChangedIsWrittenAgainButACorrectionInTheFormStays) {
  Services s("bundle-resync");
  Service service(s, real_catalogue(), real_life_events());
  auto bundle = answered(s, "moving_in", moving_in_answers());
  service.bundles.sync(bundle, std::nullopt);
  bundle = *s.bundles->find(bundle.public_id);
  auto state = service.bundles.state(bundle, std::nullopt);
  const auto water = *state_of(state, "water_service_start").draft;

  // The citizen corrects the start date in the water form (the move was days ago).
  auto answers = water.answers;
  answers["start_date"] = iso(kToday);
  ASSERT_TRUE(s.drafts->save(water.id, answers, std::nullopt));
  EXPECT_TRUE(service.bundles.sync(bundle, std::nullopt).empty());
  EXPECT_EQ(s.drafts->find(water.public_id)->answers["start_date"], iso(kToday)) << "the correction stays";

  // Then the phone number changes on the list: every form gets it, the correction stays.
  auto shared = moving_in_answers();
  shared["phone"] = "090-7777-0000";
  std::vector<std::string> all;
  for (const auto& section : life_event("moving_in").form.form.sections) all.push_back(section.id);
  s.bundles->save(bundle.id, shared, all, "", 1, std::nullopt);
  bundle = *s.bundles->find(bundle.public_id);
  service.bundles.sync(bundle, std::nullopt);
  auto after = *s.drafts->find(water.public_id);
  EXPECT_EQ(after.answers["phone"], "090-7777-0000");
  EXPECT_EQ(after.answers["start_date"], iso(kToday));
  state = service.bundles.state(bundle, std::nullopt);
  EXPECT_EQ(state_of(state, "child_allowance").draft->answers["applicant_phone"], "090-7777-0000");
}

// A copy of the catalogue in which the children's medical subsidy form asks one more question.
std::filesystem::path changed_catalogue() {
  auto dir = madoguchi::testing::scratch_dir("catalogue-changed");
  std::filesystem::copy(MADOGUCHI_SOURCE_DIR "/procedures", dir, std::filesystem::copy_options::recursive);
  std::ifstream in(dir / "child_medical_subsidy.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  yaml.replace(yaml.find("version: 1"), 10, "version: 2");
  const std::string anchor = "        - id: insurance_kind\n";
  yaml.replace(yaml.find(anchor), 0,
               "        - id: nursery\n"
               "          type: radio\n"
               "          label: {ja: 保育所に通っていますか, en: \"Does the child attend day care?\", easy: ほいくしょに いきますか}\n"
               "          required: true\n"
               "          options:\n"
               "            - value: 'yes'\n"
               "              label: {ja: はい, en: 'Yes', easy: はい}\n"
               "            - value: 'no'\n"
               "              label: {ja: いいえ, en: 'No', easy: いいえ}\n");
  std::ofstream(dir / "child_medical_subsidy.yaml") << yaml;
  return dir;
}

TEST(BundleService, AProcedureChangedWhileFillingKeepsTheAnswersAndAsksOnlyWhatChanged) {
  Services s("bundle-version");
  Service before(s, real_catalogue(), real_life_events());
  auto bundle = answered(s, "moving_in", moving_in_answers());
  before.bundles.sync(bundle, std::nullopt);
  bundle = *s.bundles->find(bundle.public_id);
  auto draft = *state_of(before.bundles.state(bundle, std::nullopt), "child_medical_subsidy").draft;
  auto answers = draft.answers;
  answers["insurance_kind"] = "national";
  ASSERT_TRUE(s.drafts->save(draft.id, answers, std::nullopt, "children"));

  const auto dir = changed_catalogue();
  auto catalogue = procedures::load_catalogue(dir);
  for (const auto& p : catalogue.problems) ADD_FAILURE() << p.to_string();
  ASSERT_TRUE(catalogue.catalogue);
  auto events = load_life_events(dir / kLifeEventsDirectory, *catalogue.catalogue);
  ASSERT_TRUE(events.events);
  Service after(s, *catalogue.catalogue, *events.events);

  auto state = after.bundles.state(bundle, std::nullopt);
  EXPECT_GE(state_of(state, "child_medical_subsidy").questions_left, 1);
  after.bundles.sync(bundle, std::nullopt);
  bundle = *s.bundles->find(bundle.public_id);
  state = after.bundles.state(bundle, std::nullopt);
  const auto& item = state_of(state, "child_medical_subsidy");
  EXPECT_TRUE(item.form_changed);
  EXPECT_EQ(item.draft->procedure_version, 2);
  EXPECT_EQ(item.draft->answers["insurance_kind"], "national") << "the answers are kept";
  EXPECT_EQ(item.questions_left, 1) << "only the new question is left";
  const auto& done = item.draft->completed_sections;
  EXPECT_NE(std::find(done.begin(), done.end(), "guardian"), done.end());
  EXPECT_NE(std::find(done.begin(), done.end(), "reason"), done.end());
  EXPECT_EQ(std::find(done.begin(), done.end(), "children"), done.end()) << "the page with the new question is asked";
  EXPECT_TRUE(state_of(state, "moving_in").draft);
  EXPECT_FALSE(state_of(state, "moving_in").form_changed);
}

TEST(BundleService, ReadyOnlineProceduresAreSubmittedTogetherOnceAndTheCounterOnesLeftForTheVisitsCode) {
  Services s("bundle-submit");
  Service service(s, real_catalogue(), real_life_events());
  auto bundle = answered(s, "moving_in", moving_in_answers());
  service.bundles.sync(bundle, std::nullopt);
  bundle = *s.bundles->find(bundle.public_id);
  auto state = service.bundles.state(bundle, std::nullopt);
  const auto moving_in = *state_of(state, "moving_in").draft;
  const auto seal = *state_of(state, "seal_registration").draft;
  ASSERT_EQ(state_of(state, "moving_in").questions_left, 0);
  ASSERT_GT(state_of(state, "seal_registration").questions_left, 0);
  EXPECT_EQ(BundleService::ready_counter_drafts(state), std::vector<int64_t>{moving_in.id})
      << "only the counter draft with nothing left";
  EXPECT_TRUE(service.bundles.submit_ready(bundle, std::nullopt, platform::web::Language::ja).submitted.empty())
      << "no online procedure is ready yet, and the ready 転入届 is not the citizen's to submit";
  EXPECT_FALSE(s.drafts->find(moving_in.public_id)->reference);

  finish(s, *state_of(state, "water_service_start").draft, {{"start_date", iso(kToday)}});  // the move was days ago
  finish(s, seal);
  state = service.bundles.state(bundle, std::nullopt);
  ASSERT_TRUE(state_of(state, "water_service_start").ready());
  EXPECT_EQ(BundleService::ready_counter_drafts(state), (std::vector<int64_t>{moving_in.id, seal.id}))
      << "in the list's order";

  auto report = service.bundles.submit_ready(bundle, std::nullopt, platform::web::Language::ja);
  EXPECT_EQ(report.submitted, std::vector<std::string>{"water_service_start"}) << "the online one only";
  EXPECT_TRUE(report.refused.empty());
  ASSERT_EQ(report.references.size(), 1u);
  auto application = s.applications->find(report.references[0]);
  ASSERT_TRUE(application);
  EXPECT_EQ(application->channel, "online");
  EXPECT_EQ(application->procedure_id, "water_service_start");

  auto again = service.bundles.submit_ready(bundle, std::nullopt, platform::web::Language::ja);
  EXPECT_TRUE(again.submitted.empty()) << "nothing is submitted twice";
  state = service.bundles.state(bundle, std::nullopt);
  EXPECT_TRUE(state_of(state, "water_service_start").submitted());
  EXPECT_FALSE(state_of(state, "moving_in").submitted());
  EXPECT_FALSE(state_of(state, "seal_registration").submitted());
  EXPECT_EQ(BundleService::ready_counter_drafts(state), (std::vector<int64_t>{moving_in.id, seal.id}));
}

TEST(BundleService, ACounterDraftTakenInByAClerkIsNoLongerTheCitizensToPrepareOrShow) {
  Services s("bundle-taken-in");
  Service prepare(s, real_catalogue(), real_life_events());
  auto bundle = answered(s, "moving_in", moving_in_answers());
  prepare.bundles.sync(bundle, std::nullopt);
  bundle = *s.bundles->find(bundle.public_id);
  const auto moving_in = *state_of(prepare.bundles.state(bundle, std::nullopt), "moving_in").draft;

  Service at_counter(s, real_catalogue(), real_life_events(), [](int64_t) { return true; });
  auto state = at_counter.bundles.state(bundle, std::nullopt);
  EXPECT_TRUE(state_of(state, "moving_in").taken_in);
  EXPECT_FALSE(state_of(state, "moving_in").ready());
  EXPECT_FALSE(state_of(state, "water_service_start").taken_in) << "only counter drafts are taken in";
  EXPECT_TRUE(BundleService::ready_counter_drafts(state).empty());

  auto shared = moving_in_answers();
  shared["phone"] = "090-7777-0000";
  std::vector<std::string> all;
  for (const auto& section : life_event("moving_in").form.form.sections) all.push_back(section.id);
  s.bundles->save(bundle.id, shared, all, "", 1, std::nullopt);
  bundle = *s.bundles->find(bundle.public_id);
  at_counter.bundles.sync(bundle, std::nullopt);
  EXPECT_EQ(s.drafts->find(moving_in.public_id)->answers, moving_in.answers) << "the clerk's draft is left alone";
  EXPECT_EQ(state_of(at_counter.bundles.state(bundle, std::nullopt), "water_service_start").draft->answers["phone"],
            "090-7777-0000");
}

TEST(BundleService, NothingIsPreparedFromContradictoryAnswers) {
  Services s("bundle-contradiction");
  Service service(s, real_catalogue(), real_life_events());
  auto answers = moving_in_answers();
  answers["children_under_18"] = "no";
  auto bundle = answered(s, "moving_in", answers);
  auto state = service.bundles.state(bundle, std::nullopt);
  EXPECT_FALSE(state.list_ready());
  EXPECT_TRUE(service.bundles.sync(bundle, std::nullopt).empty());
  EXPECT_TRUE(service.bundles.submit_ready(bundle, std::nullopt, platform::web::Language::ja).submitted.empty());
}

}  // namespace
}  // namespace madoguchi::lifeevents
