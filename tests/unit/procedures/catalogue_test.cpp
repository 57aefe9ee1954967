// Loading a catalogue directory: good definitions, broken ones reported as file:line, versions,
// and the links between procedures.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "procedures/catalogue.h"
#include "procedures/procedure_loader.h"

namespace madoguchi::procedures {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kGood = "tests/fixtures/procedures/good";
const std::filesystem::path kBroken = "tests/fixtures/procedures/broken";

std::vector<std::string> lines_of(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.to_string());
  return out;
}

// A scratch copy of the good catalogue in which the test may rewrite files.
class ScratchCatalogue {
 public:
  ScratchCatalogue() {
    dir_ = std::filesystem::temp_directory_path() /
           ("madoguchi-catalogue-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    for (const auto& entry : std::filesystem::directory_iterator(kGood)) {
      std::filesystem::copy_file(entry.path(), dir_ / entry.path().filename());
    }
  }
  ~ScratchCatalogue() { std::filesystem::remove_all(dir_); }
  const std::filesystem::path& dir() const { return dir_; }

  void replace(const std::string& file, const std::string& from, const std::string& to) {
    std::ifstream in(dir_ / file);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    std::ofstream(dir_ / file) << text;
  }

 private:
  std::filesystem::path dir_;
};

TEST(Catalogue, LoadsAGoodDirectory) {
  const auto loaded = load_catalogue(kGood);
  for (const auto& p : loaded.problems) ADD_FAILURE() << p.to_string();
  ASSERT_TRUE(loaded.catalogue);
  const Catalogue& catalogue = *loaded.catalogue;
  ASSERT_EQ(catalogue.all().size(), 2u);
  EXPECT_EQ(catalogue.all()[0].id, "insurance");  // ordered by id
  EXPECT_EQ(catalogue.all()[1].id, "moving_in");
  const Procedure* insurance = catalogue.find("insurance");
  ASSERT_NE(insurance, nullptr);
  EXPECT_EQ(insurance->version, 1);
  EXPECT_EQ(insurance->department, "civic_registry");
  EXPECT_EQ(insurance->handled_at, Handling::central);
  EXPECT_EQ(insurance->identity, IdentityAssurance::mynumber_card_auth);
  EXPECT_TRUE(insurance->channels.allows(Channel::mail));
  EXPECT_EQ(insurance->fee.amount_yen, 0);
  EXPECT_EQ(insurance->fee.note.en, "Free");
  EXPECT_EQ(insurance->processing_days, 7);
  ASSERT_EQ(insurance->attachments.size(), 1u);
  EXPECT_EQ(insurance->attachments[0].field, "loss_certificate");
  EXPECT_THAT(insurance->attachments[0].required_for, ::testing::ElementsAre(Channel::mail));
  EXPECT_EQ(insurance->applicant.birth_date, "householder_birth_date");
  EXPECT_EQ(insurance->search.keywords, std::vector<std::string>{"国保"});
  EXPECT_EQ(insurance->source_file, (kGood / "insurance.yaml").string());
  EXPECT_EQ(catalogue.find("nothing"), nullptr);
  EXPECT_EQ(catalogue.directory().city_ja, "仙台市");
}

TEST(Catalogue, VersionsTellCurrentFromOutdated) {
  const auto loaded = load_catalogue(kGood);
  ASSERT_TRUE(loaded.catalogue);
  const Catalogue& catalogue = *loaded.catalogue;
  EXPECT_EQ(catalogue.check_version("moving_in", 3), Catalogue::VersionStatus::current);
  EXPECT_EQ(catalogue.check_version("moving_in", 2), Catalogue::VersionStatus::outdated);
  EXPECT_EQ(catalogue.check_version("moving_in", 4), Catalogue::VersionStatus::unknown_version);
  EXPECT_EQ(catalogue.check_version("moving_in", 0), Catalogue::VersionStatus::unknown_version);
  EXPECT_EQ(catalogue.check_version("moving_out", 1), Catalogue::VersionStatus::unknown_procedure);
}

TEST(Catalogue, BrokenDefinitionsAreReportedWithFileAndLine) {
  const auto loaded = load_catalogue(kBroken);
  EXPECT_FALSE(loaded.catalogue);
  const auto lines = lines_of(loaded.problems);
  const std::string moving_in = (kBroken / "moving_in.yaml").string();
  const std::string insurance = (kBroken / "insurance.yaml").string();
  const std::string registry = (kBroken / "registry.yaml").string();
  EXPECT_THAT(lines, ::testing::IsSupersetOf({
      HasSubstr(moving_in + ":6: department: 担当局区コード\"civic_registri\"は_departments.yamlにありません。 / department: unknown department code \"civic_registri\""),
      HasSubstr(moving_in + ":9: life_events[1]:"),
      HasSubstr(moving_in + ":20: form.sections[0]（main）.fields[0]（name）: キー\"label\"がありません。"),
      HasSubstr(moving_in + ":22: form.sections[0]（main）.fields[0]（name）: キー\"lable\"は使えません。"),
      HasSubstr(moving_in + ":25: form.sections[0]（main）.fields[1]（phone）.type: 項目の種類\"phon\"はありません。"),
      HasSubstr(moving_in + ":30: form.sections[0]（main）.fields[2]（moved_on）.max: \"tomorrow\""),
      HasSubstr(insurance + ":5: search.readings[1]: \"kokuho\"は ひらがな だけで書いてください。"),
      HasSubstr(insurance + ":16: attachments[0].required_for: この手続は\"mail\"で受け付けていません"),
      HasSubstr(insurance + ":17: applicant.birth_date:"),
      HasSubstr(insurance + ":31: form: \"insured[].name\"は繰り返しグループの中なので、マイナンバーカードから転記できません。"),
      HasSubstr(registry + ":1: id: 手続ID\"residence_certificate\"がファイル名\"registry.yaml\"と違います。"),
      HasSubstr(registry + ":2: version: 1から1000000までの整数を書いてください（0）。"),
      HasSubstr(registry + ":9: channels: 少なくとも1つの方法を true にしてください。"),
      HasSubstr(registry + ":11: fee: amount_yen（無料なら0）か note"),
  }));
  EXPECT_EQ(lines.size(), 14u);
  // Sorted by file, then line.
  EXPECT_TRUE(std::is_sorted(loaded.problems.begin(), loaded.problems.end(), [](const Problem& a, const Problem& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  }));
  EXPECT_EQ(check_directory(kBroken).size(), lines.size());
}

TEST(Catalogue, OnceOnlyLinksAreChecked) {
  ScratchCatalogue scratch;
  scratch.replace("insurance.yaml", "from: [moving_in.name]", "from: [moving_in.householder_name, moving_out.name]");
  scratch.replace("insurance.yaml", "prefill: {from: [moving_in.members]}", "prefill: {from: [insurance.insured]}");
  scratch.replace("insurance.yaml", "from: [moving_in.new_address]", "from: [moving_in.members]");
  const auto lines = lines_of(check_directory(scratch.dir()));
  const std::string file = (scratch.dir() / "insurance.yaml").string();
  EXPECT_THAT(lines, ::testing::ElementsAre(
      HasSubstr(file + ":26: form.fields(householder).prefill.from: 手続\"moving_in\"に項目\"householder_name\"はありません。"),
      HasSubstr(file + ":26: form.fields(householder).prefill.from: 手続\"moving_out\"はカタログにありません。"),
      HasSubstr(file + ":28: form.fields(address).prefill.from: \"moving_in.members\"（group）の回答は、この項目（address）にそのまま入れられません"),
      HasSubstr(file + ":41: form.fields(insured).prefill.from: 同じ手続からは転記できません。")));
}

TEST(Catalogue, ChoiceLinksNeedEveryOption) {
  ScratchCatalogue scratch;
  // The insured group would receive relationship values its own options lack.
  scratch.replace("insurance.yaml", "            - {id: birth_date, type: date, label: {ja: 生年月日, en: Born, easy: うまれ}, required: true}\n",
                  "            - {id: birth_date, type: date, label: {ja: 生年月日, en: Born, easy: うまれ}, required: true}\n"
                  "            - id: relationship\n"
                  "              type: select\n"
                  "              label: {ja: 続柄, en: Relationship, easy: かんけい}\n"
                  "              options:\n"
                  "                - {value: head, label: {ja: 世帯主, en: Head, easy: せたいぬし}}\n");
  const auto lines = lines_of(check_directory(scratch.dir()));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_THAT(lines[0], HasSubstr("\"moving_in.members\"（group）の回答は"));
}

TEST(Catalogue, ReferenceFilesAreRequired) {
  ScratchCatalogue scratch;
  std::filesystem::remove(scratch.dir() / "_taxonomy.yaml");
  const auto lines = lines_of(check_directory(scratch.dir()));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_THAT(lines[0], HasSubstr((scratch.dir() / "_taxonomy.yaml").string() + ": ファイルを読めません"));
}

TEST(Catalogue, DuplicateReferenceCodes) {
  ScratchCatalogue scratch;
  const std::string moving = "  - code: moving\n    name: {ja: 引越し, en: Moving house, easy: ひっこし}\n";
  scratch.replace("_taxonomy.yaml", moving, moving + moving);
  EXPECT_THAT(lines_of(check_directory(scratch.dir())),
              ::testing::ElementsAre(HasSubstr("_taxonomy.yaml:7: life_events[1]: コード\"moving\"が重複しています。")));
}

TEST(Catalogue, MissingOrEmptyDirectory) {
  EXPECT_THAT(lines_of(check_directory("tests/fixtures/procedures/does_not_exist")),
              ::testing::ElementsAre(HasSubstr("the procedures directory does not exist")));
  ScratchCatalogue scratch;
  std::filesystem::remove(scratch.dir() / "insurance.yaml");
  std::filesystem::remove(scratch.dir() / "moving_in.yaml");
  EXPECT_THAT(lines_of(check_directory(scratch.dir())), ::testing::ElementsAre(HasSubstr("no procedure definitions")));
}

TEST(ProcedureLoader, WithoutADirectoryCodesAreNotChecked) {
  const auto loaded = load_procedure_file(kBroken / "registry.yaml", nullptr);
  EXPECT_FALSE(loaded.procedure);
  EXPECT_EQ(loaded.problems.size(), 4u);
  const auto good = load_procedure_file(kGood / "moving_in.yaml", nullptr);
  EXPECT_TRUE(good.procedure);
}

TEST(ProcedureLoader, SyntaxErrorsHaveTheirLine) {
  const auto loaded = load_procedure_text("id: x\nname: {ja: a\n", "x.yaml", nullptr);
  ASSERT_EQ(loaded.problems.size(), 1u);
  EXPECT_THAT(loaded.problems[0].to_string(), ::testing::StartsWith("x.yaml:"));
  EXPECT_THAT(loaded.problems[0].message, HasSubstr("YAML syntax error"));
  EXPECT_GT(loaded.problems[0].line, 0);
}

}  // namespace
}  // namespace madoguchi::procedures
