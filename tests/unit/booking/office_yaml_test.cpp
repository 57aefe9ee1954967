#include <gtest/gtest.h>

#include "booking/office_yaml.h"
#include "booking_test_support.h"

namespace madoguchi::booking {
namespace {

TEST(OfficeYaml, SendaiHasItsSevenOfficesAndTheirLines) {
  auto d = test::sendai();
  for (const char* code : {"aoba", "miyagi", "miyagino", "wakabayashi", "taihaku", "akiu", "izumi"}) {
    const Office* o = d.find_office(code);
    ASSERT_NE(o, nullptr) << code;
    EXPECT_NE(o->kind, OfficeKind::facility);
    EXPECT_NE(o->find_line("A"), nullptr);
    EXPECT_NE(o->find_line("B"), nullptr);
  }
  EXPECT_EQ(d.find_office("aoba")->name.ja, "青葉区役所");
  EXPECT_EQ(d.find_office("akiu")->name.ja, "秋保総合支所");
  EXPECT_EQ(d.find_office("aoba")->find_line("B")->booking.slot_minutes, 15);
  EXPECT_FALSE(d.find_office("aoba")->find_line("K")->queue);
  EXPECT_EQ(d.offices_for("sick_child_care").size(), 1u);
  EXPECT_EQ(d.offices_for("okuyami").size(), 7u);
}

TEST(OfficeYaml, MistakesNameTheLine) {
  const std::string base =
      "services:\n  s:\n    kind: counter\n    name: {ja: あ, en: a, easy: あ}\n"
      "offices:\n  - code: x\n    kind: ward_office\n    ward: aoba\n    name: {ja: あ, en: a, easy: あ}\n"
      "    address: here\n";
  auto fails_with = [&](const std::string& rest, const std::string& needle) {
    try {
      parse_office_directory(base + rest, "offices.yaml");
      ADD_FAILURE() << "accepted: " << rest;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("offices.yaml:"), std::string::npos) << e.what();
    }
  };
  fails_with("    hours: {mon-fri: \"17:00-08:30\"}\n    lines: [{code: A, service: s, name: {ja: あ, en: a, easy: あ}}]\n",
             "HH:MM-HH:MM");
  fails_with("    hours: {monday: \"08:30-17:00\"}\n    lines: [{code: A, service: s, name: {ja: あ, en: a, easy: あ}}]\n",
             "weekdays");
  fails_with("    hours: {mon-fri: \"08:30-17:00\"}\n    lines: [{code: A, service: t, name: {ja: あ, en: a, easy: あ}}]\n",
             "unknown service");
  fails_with("    hours: {mon-fri: \"08:30-17:00\"}\n    lines: [{code: A, service: s, name: {ja: あ, en: a, easy: あ}, "
             "booking: {capacity: -1}}]\n",
             "capacity");
  fails_with("    hours: {mon-fri: \"08:30-17:00\"}\n    colour: red\n    lines: [{code: A, service: s, name: {ja: あ, en: a, easy: あ}}]\n",
             "unknown key 'colour'");
}

TEST(OfficeYaml, HoursAsStaffTypeThem) {
  auto h = parse_hours("mon-fri 08:30-17:00, sat 09:00-12:00");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->size(), 6u);
  EXPECT_EQ(hours_text(*h), "mon-fri 08:30-17:00, sat 09:00-12:00");
  EXPECT_FALSE(parse_hours("mon-fri 8:30-17:00"));
  EXPECT_FALSE(parse_hours(""));
  EXPECT_FALSE(parse_hours("fri-mon 08:30-17:00"));
}

}  // namespace
}  // namespace madoguchi::booking
