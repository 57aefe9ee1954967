// The two households of the scenarios as answers to their life events' forms, on the
// test clock's day: a family of three with a preschool child moving to Sendai from Yamagata, and
// a 78-year-old on 後期高齢者医療 with a pension, a registered seal and a disability certificate.
#pragma once

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace madoguchi::lifeevents::testing {

inline nlohmann::json moving_in_answers() {
  return {{"moving_date", iso(days_from_today(-5))},
          {"moving_from", "domestic_card"},
          {"other_prefecture", "yes"},
          {"children_under_18", "yes"},
          {"preschool_children", "yes"},
          {"wants_daycare", "no"},
          {"school_children", "no"},
          {"pregnant", "no"},
          {"national_health_insurance", "yes"},
          {"aged_65_plus", "no"},
          {"registered_seal", "yes"},
          {"dog", "no"},
          {"water", "yes"},
          {"vehicle", "no"},
          {"applicant_name", "鈴木　大輔"},
          {"applicant_name_kana", "スズキ ダイスケ"},
          {"applicant_birth_date", "1988-06-20"},
          {"applicant_sex", "male"},
          {"phone", "080-2222-3333"},
          {"email", "daisuke.suzuki@example.jp"},
          {"previous_address", "山形県山形市旅篭町二丁目3番25号"},
          {"new_postal_code", "982-0012"},
          {"new_address", "仙台市太白区長町南3-1-15"},
          {"new_address_building", "長町ハイツ201"},
          {"household_type", "new_household"},
          {"householder_name", "鈴木　大輔"},
          {"members",
           {{{"name", "鈴木　大輔"}, {"name_kana", "スズキ ダイスケ"}, {"birth_date", "1988-06-20"}, {"sex", "male"},
             {"relationship", "head"}, {"nationality", "japanese"}, {"registered_domicile", "山形県山形市旅篭町二丁目3番25号"},
             {"head_of_register_name", "鈴木　大輔"}, {"has_mynumber_card", true}},
            {{"name", "鈴木　ソフィア"}, {"name_kana", "スズキ ソフィア"}, {"birth_date", "1990-02-11"}, {"sex", "female"},
             {"relationship", "spouse"}, {"nationality", "foreign"}, {"residence_card_number", "AB12345678CD"},
             {"has_mynumber_card", true}},
            {{"name", "鈴木　陽葵"}, {"name_kana", "スズキ ヒマリ"}, {"birth_date", "2024-05-03"}, {"sex", "female"},
             {"relationship", "child"}, {"nationality", "japanese"}, {"registered_domicile", "山形県山形市旅篭町二丁目3番25号"},
             {"head_of_register_name", "鈴木　大輔"}, {"has_mynumber_card", false}}}},
          {"bank_name", "七十七銀行"},
          {"branch_name", "長町支店"},
          {"account_type", "ordinary"},
          {"account_number", "1234567"},
          {"account_holder_kana", "スズキ ダイスケ"}};
}

inline nlohmann::json bereavement_answers() {
  return {{"date_of_death", iso(days_from_today(-12))},
          {"death_notified", "yes"},
          {"insurance", "elderly"},
          {"funeral_held", "yes"},
          {"care_insurance", "yes"},
          {"pension", "yes"},
          {"registered_seal", "yes"},
          {"disability_certificate", "yes"},
          {"was_householder", "yes"},
          {"household_left", "one"},
          {"owned_property", "no"},
          {"water_stop", "no"},
          {"deceased_name", "佐藤　正雄"},
          {"deceased_name_kana", "サトウ マサオ"},
          {"deceased_birth_date", "1948-09-01"},
          {"deceased_sex", "male"},
          {"deceased_address", "仙台市青葉区上杉1-5-12"},
          {"elderly_insured_number", "12345678"},
          {"care_insured_number", "0123456789"},
          {"funeral_date", iso(days_from_today(-9))},
          {"applicant_name", "佐藤　健一"},
          {"applicant_name_kana", "サトウ ケンイチ"},
          {"applicant_birth_date", "1975-09-03"},
          {"relationship", "child"},
          {"applicant_address", "仙台市泉区南光台2-3-4"},
          {"phone", "090-1234-5678"},
          {"bank_name", "七十七銀行"},
          {"branch_name", "上杉支店"},
          {"account_type", "ordinary"},
          {"account_number", "7654321"},
          {"account_holder_kana", "サトウ ケンイチ"}};
}

}  // namespace madoguchi::lifeevents::testing
