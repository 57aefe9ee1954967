// The city's life events load against the real catalogue; a definition naming a procedure that
// does not exist, prefilling a field of the wrong type (or one the procedure lacks), naming an
// unknown office or condition field, or giving a deadline that cannot be read is refused with
// its file and line.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace madoguchi::lifeevents {
namespace {

using ::testing::HasSubstr;
using testing::real_catalogue;

const std::filesystem::path kReal = MADOGUCHI_SOURCE_DIR "/procedures/life_events";

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A copy of the real life events in which `file` has `from` replaced by `to`; returns the
// directory and the 1-based line where `to` starts.
std::pair<std::filesystem::path, int> changed(const std::string& name, const std::string& file, const std::string& from,
                                              const std::string& to) {
  auto dir = madoguchi::testing::scratch_dir("life-events-" + name);
  for (const auto& entry : std::filesystem::directory_iterator(kReal)) {
    std::filesystem::copy_file(entry.path(), dir / entry.path().filename());
  }
  std::string text = read(dir / file);
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  std::ofstream(dir / file) << text;
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
  return {dir, line};
}

std::string problems_of(const std::filesystem::path& dir) {
  std::string out;
  for (const auto& p : load_life_events(dir, real_catalogue()).problems) out += p.to_string() + "\n";
  return out;
}

TEST(LifeEventLoader, TheCitysLifeEventsLoad) {
  const auto& events = testing::real_life_events();
  std::vector<std::string> ids;
  for (const auto& e : events.all()) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"moving_in", "moving_within", "moving_out", "birth", "marriage",
                                           "employment", "turning_65", "bereavement"}));
  for (const auto& e : events.all()) {
    SCOPED_TRACE(e.id);
    EXPECT_FALSE(e.name.en.empty());
    EXPECT_FALSE(e.name.easy.empty());
    EXPECT_FALSE(e.event_field.empty());
    EXPECT_FALSE(e.questionnaire.empty());
    EXPECT_FALSE(e.items.empty());
    for (const auto& item : e.items) {
      EXPECT_FALSE(item.reason.ja.empty()) << item.id;
      if (item.outside()) {
        EXPECT_NE(events.find_office(item.office), nullptr) << item.id;
      }
    }
  }
  const auto& bereavement = testing::life_event("bereavement");
  ASSERT_TRUE(bereavement.consultation);
  EXPECT_EQ(bereavement.consultation->kind, "okuyami") << "the booking service of offices/sendai.yaml";
  EXPECT_FALSE(bereavement.guide.empty());
}

TEST(LifeEventLoader, ADirectoryWithoutLifeEventsHasNone) {
  auto loaded = load_life_events(madoguchi::testing::scratch_dir("no-life-events") / "missing", real_catalogue());
  ASSERT_TRUE(loaded.events);
  EXPECT_TRUE(loaded.events->all().empty());
}

TEST(LifeEventLoader, AMissingProcedureIsAnErrorAtItsLine) {
  auto [dir, line] = changed("missing", "moving_in.yaml", "  - procedure: seal_registration\n", "  - procedure: seal_registraton\n");
  const std::string problems = problems_of(dir);
  EXPECT_THAT(problems, HasSubstr((dir / "moving_in.yaml").string() + ":" + std::to_string(line) + ":"));
  EXPECT_THAT(problems, HasSubstr("no procedure \"seal_registraton\" in the catalogue"));
  EXPECT_THAT(problems, HasSubstr("手続\"seal_registraton\"はカタログにありません"));
}

TEST(LifeEventLoader, PrefillingAFieldOfTheWrongTypeIsAnErrorAtItsLine) {
  auto [dir, line] = changed("wrong-type", "moving_in.yaml", "      start_date: moving_date\n",
                             "      start_date: new_address\n");
  const std::string problems = problems_of(dir);
  EXPECT_THAT(problems, HasSubstr((dir / "moving_in.yaml").string() + ":" + std::to_string(line) + ":"));
  EXPECT_THAT(problems, HasSubstr("answers of \"new_address\" (address) do not fit \"water_service_start.start_date\" (date)"));
}

TEST(LifeEventLoader, AChoiceWithOptionsTheTargetLacksDoesNotFit) {
  auto [dir, line] = changed("options", "moving_in.yaml", "      household_type: household_type\n",
                             "      household_type: moving_from\n");
  EXPECT_THAT(problems_of(dir), HasSubstr(":" + std::to_string(line) + ":"));
}

TEST(LifeEventLoader, AFieldTheProcedureLacksIsAnError) {
  auto [dir, line] = changed("lacks", "bereavement.yaml", "      holder_name: deceased_name\n",
                             "      holders_name: deceased_name\n");
  EXPECT_THAT(problems_of(dir),
              HasSubstr(":" + std::to_string(line) + ": items[8].prefill.holders_name: 手続\"disability_certificate_return\"に項目\"holders_name\"はありません"));
}

TEST(LifeEventLoader, AFixedValueMustBeAnOption) {
  auto [dir, line] = changed("value", "moving_in.yaml", "      reason: {value: moved_in}\n      reason_date: moving_date\n      insured_members",
                             "      reason: {value: moved}\n      reason_date: moving_date\n      insured_members");
  EXPECT_THAT(problems_of(dir), HasSubstr("has no option \"moved\""));
}

TEST(LifeEventLoader, UnknownOfficesConditionsAndPeriodsAreErrors) {
  auto [office_dir, office_line] = changed("office", "bereavement.yaml", "    office: tax_office\n", "    office: tax_bureau\n");
  EXPECT_THAT(problems_of(office_dir), HasSubstr(":" + std::to_string(office_line) + ": items[15].office: 窓口コード\"tax_bureau\"は_offices.yamlにありません"));

  auto [when_dir, when_line] = changed("when", "moving_in.yaml", "    when: {field: dog, equals: 'yes'}\n",
                                       "    when: {field: dogs, equals: 'yes'}\n");
  EXPECT_THAT(problems_of(when_dir), HasSubstr(":" + std::to_string(when_line) + ":"));
  EXPECT_THAT(problems_of(when_dir), HasSubstr("\"dogs\""));

  auto [period_dir, period_line] = changed("period", "birth.yaml", "deadline: {within: 14d, count_first_day: true",
                                           "deadline: {within: 2w, count_first_day: true");
  EXPECT_THAT(problems_of(period_dir), HasSubstr(":" + std::to_string(period_line) + ":"));
  EXPECT_THAT(problems_of(period_dir), HasSubstr("\"2w\" is not a period"));
}

TEST(LifeEventLoader, TheEventDateMustBeADateOfTheQuestionnaire) {
  auto [dir, line] = changed("event", "moving_in.yaml", "  field: moving_date\n  future: confirm", "  field: new_address\n  future: confirm");
  EXPECT_THAT(problems_of(dir), HasSubstr(":" + std::to_string(line) + ": event_date.field: フォームに日付の項目\"new_address\"がありません"));
}

}  // namespace
}  // namespace madoguchi::lifeevents
