// The real catalogue in procedures/: it loads without problems, lists at least forty
// procedures (those the life-event bundles need among them), and every procedure accepts a realistic sample application
// (demo/answers/<id>.json) on several days, the year-end closure and a leap day among them.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "forms/sample_dates.h"
#include "forms/validation.h"
#include "jp/postal.h"
#include "procedures/catalogue.h"

namespace madoguchi::procedures {
namespace {

using std::chrono::year_month_day;
using namespace std::chrono_literals;

constexpr year_month_day kToday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{22}};

// A sample as used on `today`: dates relative to today resolved.
nlohmann::json read_json(const std::filesystem::path& path, year_month_day today = kToday) {
  std::ifstream in(path);
  return forms::resolve_sample_dates(nlohmann::json::parse(in), today);
}

const Catalogue& real_catalogue() {
  static const auto loaded = load_catalogue("procedures");
  for (const auto& problem : loaded.problems) ADD_FAILURE() << problem.to_string();
  if (!loaded.catalogue) std::abort();
  return *loaded.catalogue;
}

TEST(RealCatalogue, LoadsWithoutProblems) {
  EXPECT_TRUE(check_directory("procedures").empty());
}

TEST(RealCatalogue, ListsAtLeastFortyProcedures) {
  const auto& catalogue = real_catalogue();
  EXPECT_GE(catalogue.all().size(), 40u);
  for (const char* id :
       {"residence_certificate", "family_register_certificate", "seal_registration_certificate",
        "tax_certificate", "moving_in", "moving_within", "health_insurance_enrolment",
        "child_allowance", "daycare_application", "dog_registration", "bulky_waste_collection",
        "cancer_screening",
        // what the life-event bundles prepare (転入, 出生, おくやみ …)
        "nhi_withdrawal", "nhi_funeral_expenses", "elderly_medical_funeral_expenses",
        "care_insurance_enrolment", "care_insurance_withdrawal", "national_pension_enrolment",
        "child_allowance_change", "child_medical_subsidy", "seal_registration_abolition",
        "disability_certificate_return", "water_service_start", "water_service_stop",
        "dog_death_notification", "school_transfer_in", "pregnancy_notification",
        "birth_notification", "marriage_notification", "infant_health_checkup",
        "death_notification", "householder_change"}) {
    EXPECT_NE(catalogue.find(id), nullptr) << id;
  }
}

class RealCatalogueOnDay : public ::testing::TestWithParam<year_month_day> {};

TEST_P(RealCatalogueOnDay, EveryProcedureAcceptsItsSample) {
  const auto& catalogue = real_catalogue();
  // With Japan Post's table, as the server validates: a business postal code
  // (事業所個別番号) such as the city hall's is not a place anyone lives.
  auto postal = jp::PostalDirectory::load(std::filesystem::path(MADOGUCHI_BUILD_DIR) / "data/postal.tsv");
  ASSERT_TRUE(postal.ok()) << postal.error().message_en;
  forms::ValidationContext context;
  context.today = GetParam();
  context.postal_directory = &postal.value();
  for (const auto& procedure : catalogue.all()) {
    SCOPED_TRACE(procedure.id);
    const auto sample = std::filesystem::path("demo/answers") / (procedure.id + ".json");
    ASSERT_TRUE(std::filesystem::exists(sample)) << "no sample for " << procedure.id;
    const auto result = forms::validate(procedure.form, read_json(sample, GetParam()), context);
    for (const auto& error : result.errors) {
      ADD_FAILURE() << error.path << " " << error.code << " " << error.message.en;
    }
    EXPECT_TRUE(result.ok());
    EXPECT_FALSE(result.answers.empty());
    EXPECT_FALSE(procedure.applicant.name.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Days, RealCatalogueOnDay,
                         ::testing::Values(kToday, year_month_day{std::chrono::year{2028}, std::chrono::February, std::chrono::day{29}},
                                           year_month_day{std::chrono::year{2027}, std::chrono::December, std::chrono::day{29}},
                                           year_month_day{std::chrono::year{2029}, std::chrono::March, std::chrono::day{31}},
                                           year_month_day{std::chrono::year{2031}, std::chrono::January, std::chrono::day{2}}));

TEST(RealCatalogue, SamplesAreNormalised) {
  const auto& catalogue = real_catalogue();
  forms::ValidationContext context;
  context.today = kToday;
  const auto* residence = catalogue.find("residence_certificate");
  ASSERT_NE(residence, nullptr);
  const auto r = forms::validate(
      residence->form, read_json("demo/answers/residence_certificate.json"), context);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.answers["requester_name"], "髙橋　美咲");                 // byte-exact
  EXPECT_EQ(r.answers["requester_name_kana"], "タカハシ ミサキ");        // hiragana to katakana
  EXPECT_EQ(r.answers["requester_birth_date"], "1990-04-05");            // 和暦 to ISO
  EXPECT_EQ(r.answers["requester_phone"], "022-261-1111");               // width and hyphens
  EXPECT_EQ(r.answers["requester_email"], "Misaki.Takahashi@example.jp");  // domain lower-cased
  EXPECT_EQ(r.answers["copies"], 2);                                     // a number
  EXPECT_EQ(r.answers["included_items"],
            nlohmann::json::array({"head_and_relationship", "registered_domicile"}));
  EXPECT_FALSE(r.answers.contains("power_of_attorney"));
  ASSERT_FALSE(r.warnings.empty());  // 髙 is outside JIS X 0208
  EXPECT_EQ(r.warnings.front().code, "character_outside_jis_x_0208");

  const auto* dog = catalogue.find("dog_registration");
  const auto d = forms::validate(dog->form, read_json("demo/answers/dog_registration.json"), context);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d.answers["owner_postal_code"], "983-0842");
}

TEST(RealCatalogue, EveryDepartmentAndWardIsNamed) {
  const auto& directory = real_catalogue().directory();
  EXPECT_EQ(directory.wards.size(), 5u);
  for (const char* ward : {"aoba", "miyagino", "wakabayashi", "taihaku", "izumi"}) {
    const Ward* w = directory.find_ward(ward);
    ASSERT_NE(w, nullptr) << ward;
    EXPECT_FALSE(w->name.ja.empty());
    EXPECT_FALSE(w->name.en.empty());
  }
  for (const auto& procedure : real_catalogue().all()) {
    EXPECT_NE(directory.find_department(procedure.department), nullptr) << procedure.id;
  }
  EXPECT_EQ(directory.ward_of_address("仙台市太白区長町南3-1-15")->code, "taihaku");
  EXPECT_EQ(directory.ward_of_address("宮城県仙台市泉区泉中央1-8-1")->code, "izumi");
  EXPECT_EQ(directory.ward_of_address("山形県山形市旅篭町2-3-25"), nullptr);
}

TEST(RealCatalogue, NotificationsTheLawWantsInPersonNeedTheCounter) {
  for (const char* id : {"moving_in", "moving_within", "birth_notification", "marriage_notification",
                         "death_notification", "householder_change", "seal_registration"}) {
    const auto* procedure = real_catalogue().find(id);
    ASSERT_NE(procedure, nullptr) << id;
    EXPECT_FALSE(procedure->channels.online) << id;
    EXPECT_TRUE(procedure->channels.counter_pre_entry) << id;
  }
}

TEST(RealCatalogue, EveryProcedureSpeaksThreeLanguagesAndSaysWhatItCosts) {
  for (const auto& procedure : real_catalogue().all()) {
    SCOPED_TRACE(procedure.id);
    for (const auto* text : {&procedure.name, &procedure.summary}) {
      EXPECT_FALSE(text->ja.empty());
      EXPECT_FALSE(text->en.empty());
      EXPECT_FALSE(text->easy.empty());
    }
    EXPECT_TRUE(procedure.fee.amount_yen.has_value() || !procedure.fee.note.empty());
    if (procedure.channels.counter_pre_entry && !procedure.channels.online) {
      EXPECT_FALSE(procedure.bring.empty()) << "a counter procedure says what to bring";
    }
  }
}

TEST(RealCatalogue, SearchTermsHaveReadingsAndRomaji) {
  for (const auto& procedure : real_catalogue().all()) {
    EXPECT_FALSE(procedure.search.readings.empty()) << procedure.id;
    EXPECT_FALSE(procedure.search.romaji.empty()) << procedure.id;
  }
  const auto* residence = real_catalogue().find("residence_certificate");
  EXPECT_NE(std::find(residence->search.readings.begin(), residence->search.readings.end(), "じゅうみんひょう"),
            residence->search.readings.end());
  EXPECT_NE(std::find(residence->search.romaji.begin(), residence->search.romaji.end(), "juminhyo"),
            residence->search.romaji.end());
}

}  // namespace
}  // namespace madoguchi::procedures
