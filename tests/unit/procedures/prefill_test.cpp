// Prefill from the My Number card and from earlier procedures (once-only), on the real catalogue.
#include <gtest/gtest.h>

#include "forms/validation.h"
#include "procedures/catalogue.h"
#include "procedures/prefill.h"

namespace madoguchi::procedures {
namespace {

using json = nlohmann::json;

const Catalogue& catalogue() {
  static const auto loaded = load_catalogue("procedures");
  if (!loaded.catalogue) std::abort();
  return *loaded.catalogue;
}

CardFourItems card() {
  return CardFourItems{"髙橋　美咲", "仙台市青葉区国分町3-7-1", "1990-04-05", 2};
}

TEST(Prefill, FromTheCard) {
  const Procedure* p = catalogue().find("child_allowance");
  ASSERT_NE(p, nullptr);
  const auto c = card();
  const json answers = prefill_answers(*p, &c, {});
  EXPECT_EQ(answers["applicant_name"], "髙橋　美咲");
  EXPECT_EQ(answers["applicant_address"], "仙台市青葉区国分町3-7-1");
  EXPECT_EQ(answers["applicant_birth_date"], "1990-04-05");
  EXPECT_EQ(answers["applicant_sex"], "female");
  EXPECT_FALSE(answers.contains("children"));
}

TEST(Prefill, SexNotApplicableIsLeftForThePerson) {
  const Procedure* p = catalogue().find("child_allowance");
  auto c = card();
  c.sex_code = 9;
  EXPECT_FALSE(prefill_answers(*p, &c, {}).contains("applicant_sex"));
}

TEST(Prefill, OnceOnlyFromMovingIn) {
  const Procedure* moving_in = catalogue().find("moving_in");
  const Procedure* insurance = catalogue().find("health_insurance_enrolment");
  ASSERT_NE(moving_in, nullptr);
  ASSERT_NE(insurance, nullptr);
  const json earlier_answers = json::parse(R"({
    "notifier_name": "鈴木　大輔", "notifier_phone": "080-2222-3333",
    "moving_date": "2026-11-15", "new_address": "仙台市太白区長町南3-1-15",
    "householder_name": "鈴木　大輔",
    "members": [
      {"name": "鈴木　大輔", "name_kana": "スズキ ダイスケ", "birth_date": "1988-06-20", "sex": "male",
       "relationship": "head", "nationality": "japanese", "registered_domicile": "山形県山形市旅篭町2-3-25",
       "head_of_register_name": "鈴木　大輔", "has_mynumber_card": true}
    ]
  })");
  const json answers = prefill_answers(*insurance, nullptr, {EarlierAnswers{"moving_in", earlier_answers}});
  EXPECT_EQ(answers["householder_name"], "鈴木　大輔");
  EXPECT_EQ(answers["address"], "仙台市太白区長町南3-1-15");
  EXPECT_EQ(answers["phone"], "080-2222-3333");
  EXPECT_EQ(answers["reason_date"], "2026-11-15");
  // Members become insured people, keeping only the fields the insurance form has.
  EXPECT_EQ(answers["insured_members"], json::parse(R"([
    {"name": "鈴木　大輔", "name_kana": "スズキ ダイスケ", "birth_date": "1988-06-20", "sex": "male", "relationship": "head"}
  ])"));
  // The card wins over earlier answers.
  const auto c = card();
  const json with_card = prefill_answers(*insurance, &c, {EarlierAnswers{"moving_in", earlier_answers}});
  EXPECT_EQ(with_card["householder_name"], "髙橋　美咲");
  // A prefilled draft is still validated like any answer.
  const auto result = forms::validate(insurance->form, answers);
  EXPECT_FALSE(result.ok());
}

TEST(Prefill, NothingToPrefill) {
  const Procedure* p = catalogue().find("bulky_waste_collection");
  EXPECT_EQ(prefill_answers(*p, nullptr, {EarlierAnswers{"moving_in", json::object()}}), json::object());
}

}  // namespace
}  // namespace madoguchi::procedures
