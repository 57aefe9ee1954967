// The list worked out from the answers: which items apply and why not, deadlines counted from the
// event as each law counts them, passed deadlines, contradictions that stop the list (naming the
// household member concerned), and the answers each procedure starts with (answer once).
#include <algorithm>

#include <gtest/gtest.h>

#include "lifeevents/plan.h"
#include "lifeevents/prepared_answers.h"
#include "scenarios.h"

namespace madoguchi::lifeevents {
namespace {

using namespace testing;

std::vector<std::string> applicable(const Plan& plan) {
  std::vector<std::string> ids;
  for (const auto* item : plan.applicable()) ids.push_back(item->item->id);
  return ids;
}

const PlannedItem& item(const Plan& plan, const std::string& id) {
  auto it = std::find_if(plan.items.begin(), plan.items.end(), [&](const PlannedItem& p) { return p.item->id == id; });
  if (it == plan.items.end()) std::abort();
  return *it;
}

Plan plan_for(const std::string& event, const nlohmann::json& answers) {
  const auto& e = life_event(event);
  return make_plan(e, real_life_events(), real_catalogue(), effective(e, answers), kToday);
}

TEST(Plan, AFamilyOfThreeWithAPreschoolChildMovingIn) {
  auto plan = plan_for("moving_in", moving_in_answers());
  EXPECT_TRUE(plan.contradictions.empty());
  EXPECT_EQ(applicable(plan),
            (std::vector<std::string>{"moving_in", "health_insurance_enrolment", "child_allowance", "child_medical_subsidy",
                                      "infant_health_checkup", "vaccination_forms_request", "seal_registration",
                                      "water_service_start"}));
  EXPECT_EQ(iso(*item(plan, "moving_in").due), "2027-06-24");
  EXPECT_EQ(iso(*item(plan, "child_allowance").due), "2027-06-25");
  EXPECT_EQ(iso(*item(plan, "water_service_start").due), "2027-06-07");
  EXPECT_TRUE(item(plan, "water_service_start").overdue);
  EXPECT_FALSE(item(plan, "moving_in").overdue);
  EXPECT_FALSE(item(plan, "care_insurance_enrolment").applies);
  EXPECT_FALSE(item(plan, "school_transfer_in").applies);
}

TEST(Plan, AnAnswerContradictedByTheHouseholdIsPutBackNamingThePerson) {
  auto answers = moving_in_answers();
  answers["preschool_children"] = "no";
  auto plan = plan_for("moving_in", answers);
  ASSERT_EQ(plan.contradictions.size(), 1u);
  EXPECT_EQ(plan.contradictions[0].check->id, "preschool_child_not_declared");
  EXPECT_NE(question_text(plan.contradictions[0]).ja.find("鈴木　陽葵さん"), std::string::npos);

  answers = moving_in_answers();
  answers["children_under_18"] = "no";
  plan = plan_for("moving_in", answers);
  ASSERT_EQ(plan.contradictions.size(), 1u);
  EXPECT_EQ(plan.contradictions[0].check->id, "child_not_declared");
}

TEST(Plan, ASeventyEightYearOldOnTheElderlySchemeWithAPensionASealAndADisabilityCertificate) {
  auto plan = plan_for("bereavement", bereavement_answers());
  EXPECT_TRUE(plan.contradictions.empty());
  EXPECT_EQ(applicable(plan),
            (std::vector<std::string>{"elderly_medical_withdrawal", "elderly_medical_funeral_expenses",
                                      "care_insurance_withdrawal", "seal_registration_abolition",
                                      "disability_certificate_return", "pension_death_notice", "renounce_inheritance",
                                      "final_income_tax_return"}));
  EXPECT_EQ(iso(*item(plan, "elderly_medical_withdrawal").due), "2027-06-17");
  EXPECT_EQ(iso(*item(plan, "elderly_medical_funeral_expenses").due), "2029-06-06") << "two years from the funeral";
  EXPECT_EQ(iso(*item(plan, "renounce_inheritance").due), "2027-09-03") << "three months";
  EXPECT_EQ(item(plan, "pension_death_notice").office->code, "pension_office");
  EXPECT_FALSE(item(plan, "nhi_withdrawal").applies);
  EXPECT_FALSE(item(plan, "death_notification").applies) << "already notified by the funeral company";
}

TEST(Plan, ContradictionsOfTheBereavementQuestionnaire) {
  auto answers = bereavement_answers();
  answers["deceased_birth_date"] = "1970-01-01";
  answers["care_insurance"] = "no";
  auto plan = plan_for("bereavement", answers);
  ASSERT_EQ(plan.contradictions.size(), 1u);
  EXPECT_EQ(plan.contradictions[0].check->id, "elderly_scheme_too_young");

  answers = bereavement_answers();
  answers["care_insurance"] = "no";
  answers.erase("care_insured_number");
  plan = plan_for("bereavement", answers);
  ASSERT_EQ(plan.contradictions.size(), 1u);
  EXPECT_EQ(plan.contradictions[0].check->id, "care_certificate_expected");
}

TEST(PreparedAnswers, SharedAnswersFillEveryProcedureOnce) {
  const auto& event = life_event("moving_in");
  const auto shared = effective(event, moving_in_answers());
  auto plan = make_plan(event, real_life_events(), real_catalogue(), shared, kToday);
  auto prepared = prepare_answers(plan, shared, kToday);
  ASSERT_EQ(prepared.size(), 8u);

  const auto& moving_in = prepared.at("moving_in");
  EXPECT_EQ(moving_in.answers["notifier_name"], "鈴木　大輔");
  EXPECT_EQ(moving_in.answers["notifier_role"], "member") << "a fixed value";
  EXPECT_EQ(moving_in.answers["members"].size(), 3u);
  EXPECT_EQ(moving_in.answers["also_apply"], nlohmann::json::array());

  const auto& allowance = prepared.at("child_allowance");
  ASSERT_EQ(allowance.answers["children"].size(), 1u) << "only the members under 18";
  EXPECT_EQ(allowance.answers["children"][0]["name"], "鈴木　陽葵");
  EXPECT_FALSE(allowance.answers["children"][0].contains("relationship")) << "only the fields the form has";
  EXPECT_EQ(allowance.answers["applicant_address"], "仙台市太白区長町南3-1-15");
  EXPECT_NE(std::find(allowance.given.begin(), allowance.given.end(), "children"), allowance.given.end());

  const auto& water = prepared.at("water_service_start");
  EXPECT_EQ(water.answers["start_date"], iso(days_from_today(-5)));
  EXPECT_EQ(water.answers["supply_building"], "長町ハイツ201");

  const auto& insurance = prepared.at("health_insurance_enrolment");
  EXPECT_EQ(insurance.answers["reason"], "moved_in");
  EXPECT_EQ(insurance.answers["insured_members"].size(), 3u);
}

TEST(PreparedAnswers, OneGroupItemIsBuiltFromSharedAnswers) {
  auto answers = bereavement_answers();
  answers["insurance"] = "national";
  answers.erase("elderly_insured_number");
  answers["nhi_insured_number"] = "12-3456";
  const auto& event = life_event("bereavement");
  const auto shared = effective(event, answers);
  auto plan = make_plan(event, real_life_events(), real_catalogue(), shared, kToday);
  auto prepared = prepare_answers(plan, shared, kToday);
  const auto& withdrawal = prepared.at("nhi_withdrawal").answers;
  ASSERT_EQ(withdrawal["leaving_members"].size(), 1u);
  EXPECT_EQ(withdrawal["leaving_members"][0]["name"], "佐藤　正雄");
  EXPECT_EQ(withdrawal["leaving_members"][0]["birth_date"], "1948-09-01");
  EXPECT_EQ(withdrawal["reason"], "death");
  EXPECT_EQ(prepared.at("nhi_funeral_expenses").answers["insured_number"], "12-3456");
}

}  // namespace
}  // namespace madoguchi::lifeevents
