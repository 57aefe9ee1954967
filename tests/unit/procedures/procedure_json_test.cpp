// The procedure description served by the API, and the standard processing period.
#include <gtest/gtest.h>

#include "procedures/catalogue.h"
#include "procedures/procedure_json.h"

namespace madoguchi::procedures {
namespace {

using json = nlohmann::json;
using std::chrono::year_month_day;

const Catalogue& catalogue() {
  static const auto loaded = load_catalogue("procedures");
  if (!loaded.catalogue) std::abort();
  return *loaded.catalogue;
}

TEST(ProcedureJson, DescribesTheProcedure) {
  const Procedure* p = catalogue().find("residence_certificate");
  ASSERT_NE(p, nullptr);
  const json j = procedure_to_json(*p, false, &catalogue().directory());
  EXPECT_EQ(j["id"], "residence_certificate");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["name"]["ja"], "住民票の写し等の交付請求");
  EXPECT_EQ(j["department"]["code"], "civic_registry");
  EXPECT_EQ(j["department"]["name"]["ja"], "市民局 区政部 戸籍住民課");
  EXPECT_EQ(j["category"]["code"], "certificates");
  EXPECT_EQ(j["channels"], json::parse(R"({"online": true, "counter_pre_entry": true, "mail": true})"));
  EXPECT_EQ(j["identity_assurance"], "mynumber_card_signature");
  EXPECT_EQ(j["fee"]["amount_yen"], 300);
  EXPECT_EQ(j["fee"]["per"]["en"], "per copy");
  EXPECT_EQ(j["processing_days"], 5);
  EXPECT_EQ(j["attachments"][0]["required_for"], json::array({"mail"}));
  EXPECT_EQ(j["applicant"]["name"], "requester_name");
  EXPECT_FALSE(j.contains("form"));
  EXPECT_TRUE(j["search"]["romaji"].size() > 0);
  const json with_form = procedure_to_json(*p, true);
  EXPECT_EQ(with_form["form"]["format"], "madoguchi.form/1");
  EXPECT_FALSE(with_form["department"].contains("name"));
}

TEST(ProcedureJson, VaryingFeeHasNoAmount) {
  const json j = procedure_to_json(*catalogue().find("family_register_certificate"), false);
  EXPECT_TRUE(j["fee"]["amount_yen"].is_null());
  EXPECT_FALSE(j["fee"]["note"]["ja"].get<std::string>().empty());
}

TEST(ProcedureJson, DirectoryAndCatalogue) {
  const json d = directory_to_json(catalogue().directory());
  EXPECT_EQ(d["city"]["ja"], "仙台市");
  EXPECT_EQ(d["wards"].size(), 5u);
  EXPECT_EQ(d["wards"][0]["branches"][0]["name"]["ja"], "宮城総合支所");
  const json c = catalogue_to_json(catalogue());
  EXPECT_EQ(c["procedures"].size(), catalogue().all().size());
  EXPECT_FALSE(c["procedures"][0].contains("form"));
}

constexpr year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(DueDate, CountsCityBusinessDays) {
  const Procedure* residence = catalogue().find("residence_certificate");  // 5 days
  // Friday 2026-11-20 + 5 business days, skipping the weekend and 勤労感謝の日 (Mon 11-23).
  EXPECT_EQ(due_date(*residence, ymd(2026, 11, 20)), ymd(2026, 11, 30));
  // Over the new year closure (12/29-1/3).
  EXPECT_EQ(due_date(*residence, ymd(2026, 12, 25)), ymd(2027, 1, 7));  // 12-28, then 1-4 … 1-7
  const Procedure* seal = catalogue().find("seal_registration_certificate");  // same day
  EXPECT_EQ(due_date(*seal, ymd(2026, 11, 20)), ymd(2026, 11, 20));
  EXPECT_EQ(due_date(*seal, ymd(2026, 11, 21)), ymd(2026, 11, 24));  // Saturday → Tuesday
  EXPECT_FALSE(due_date(*residence, ymd(2150, 1, 1)));
}

}  // namespace
}  // namespace madoguchi::procedures
