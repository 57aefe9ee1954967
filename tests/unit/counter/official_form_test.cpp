// Official forms: the layouts in procedures/forms load and name real
// procedures; a bad layout is reported by file and line; a filled form puts
// the right text in the right box (read back with `pdftotext -bbox`), names
// exactly as written, dates in 和暦, choices by their labels, the individual
// number only when given.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <regex>

#include "counter/form_filling.h"
#include "counter/form_layout.h"
#include "documents/official_form.h"
#include "support/scratch.h"
#include "test_support.h"

namespace madoguchi::counter {
namespace {

struct Word {
  double x = 0, y = 0;  // top-left, in millimetres
  std::string text;
};

// The words of the PDF's first page with their positions, from `pdftotext -bbox`.
std::vector<Word> words_of(const std::string& pdf, const std::string& name) {
  auto dir = madoguchi::testing::scratch_dir(name);
  std::ofstream(dir / "form.pdf", std::ios::binary) << pdf;
  std::string command = "pdftotext -bbox " + (dir / "form.pdf").string() + " " + (dir / "form.html").string();
  EXPECT_EQ(std::system(command.c_str()), 0);
  std::ifstream in(dir / "form.html");
  std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::regex word(R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="[0-9.]+">([^<]*)</word>)re");
  std::vector<Word> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator(); ++it) {
    out.push_back({std::stod((*it)[1]) * 25.4 / 72, std::stod((*it)[2]) * 25.4 / 72, (*it)[3]});
  }
  return out;
}

// The first word starting with `text` lies in the box at (x, y, w, h) millimetres.
void expect_in_box(const std::vector<Word>& words, const std::string& text, double x, double y, double w, double h) {
  for (const auto& word : words) {
    if (word.text.rfind(text, 0) != 0) continue;
    EXPECT_GE(word.x, x) << text;
    EXPECT_LE(word.x, x + w) << text;
    EXPECT_GE(word.y, y) << text;
    EXPECT_LE(word.y, y + h) << text;
    return;
  }
  ADD_FAILURE() << "\"" << text << "\" is not on the form";
}

const LayoutLoad& layouts() {
  static const LayoutLoad load = load_form_layouts(MADOGUCHI_SOURCE_DIR "/procedures/forms");
  return load;
}

TEST(OfficialForm, TheCitysLayoutsLoadAndNameRealProcedures) {
  ASSERT_TRUE(layouts().problems.empty()) << layouts().problems.front();
  for (const char* procedure : {"moving_in", "child_allowance", "health_insurance_enrolment"}) {
    ASSERT_TRUE(layouts().by_procedure.count(procedure)) << procedure;
    EXPECT_NE(testing::real_catalogue().find(procedure), nullptr);
  }
  EXPECT_FALSE(layouts().by_procedure.at("moving_in").individual_number);
  EXPECT_TRUE(layouts().by_procedure.at("child_allowance").individual_number);
}

TEST(OfficialForm, ABadLayoutIsReportedByFileAndLine) {
  auto dir = madoguchi::testing::scratch_dir("bad-layout");
  std::ofstream(dir / "broken.yaml") << "id: broken\nprocedure: moving_in\ntitle: x\nvalues:\n"
                                        "  - {answer: a, source: today, x: 10, y: 10, w: 10}\n"
                                        "  - {answer: b, x: 300, y: 10, w: 10, colour: red}\n";
  auto load = load_form_layouts(dir);
  ASSERT_GE(load.problems.size(), 2u);
  EXPECT_TRUE(load.by_procedure.empty()) << "nothing half-loaded is used";
  EXPECT_NE(load.problems[0].find("broken.yaml:5:"), std::string::npos) << load.problems[0];
  bool unknown_key = false;
  for (const auto& p : load.problems) unknown_key = unknown_key || p.find("colour") != std::string::npos;
  EXPECT_TRUE(unknown_key);
}

TEST(OfficialForm, TheMovingInFormHoldsTheRightTextInTheRightPlaces) {
  const auto& layout = layouts().by_procedure.at("moving_in");
  auto answers = testing::sample("moving_in");
  answers["notifier_name"] = "髙橋　大輔";
  FillSources sources{testing::kToday, "MDG-7K3Q-9XPD", std::nullopt};
  auto page = fill_form(layout, testing::procedure("moving_in"), answers, sources);
  auto pdf = documents::render_official_form({layout.title, "仙台市", {page}});
  EXPECT_EQ(pdf.pages, 1);
  auto words = words_of(pdf.bytes, "moving-in-form");
  expect_in_box(words, "住民異動届", 15, 10, 180, 12);
  expect_in_box(words, "髙橋", 15, 44, 180, 14);
  expect_in_box(words, "令和8年11月22日", 15, 32, 90, 12);
  expect_in_box(words, "昭和63年6月20日", 15, 58, 90, 12);
  expect_in_box(words, "仙台市太白区長町南", 15, 70, 180, 14);
  expect_in_box(words, "山形県山形市", 15, 96, 180, 14);
  expect_in_box(words, "ソフィア", 15, 126, 70, 60);
  expect_in_box(words, "陽葵", 15, 126, 70, 60);
  expect_in_box(words, "妻", 155, 126, 40, 60);
  expect_in_box(words, "MDG-7K3Q-9XPD", 15, 270, 180, 12);
  EXPECT_TRUE(pdf.missing_characters.empty()) << "髙 is in IPAex";
  if (const char* dir = std::getenv("MADOGUCHI_SCREENSHOTS")) {
    std::ofstream(std::filesystem::path(dir) / "resident_move.pdf", std::ios::binary) << pdf.bytes;
  }
}

TEST(OfficialForm, TheIndividualNumberIsPrintedOnlyWhenGiven) {
  const auto& layout = layouts().by_procedure.at("child_allowance");
  auto answers = testing::sample("child_allowance");
  const auto& procedure = testing::procedure("child_allowance");
  auto without = fill_form(layout, procedure, answers, {testing::kToday, "", std::nullopt});
  for (const auto& t : without.texts) EXPECT_NE(t.text, "123456789018");
  auto with = fill_form(layout, procedure, answers, {testing::kToday, "", std::string("123456789018")});
  auto words = words_of(documents::render_official_form({layout.title, "仙台市", {with}}).bytes, "child-form");
  expect_in_box(words, "123456789018", 15, 58, 120, 12);
  expect_in_box(words, "七十七銀行", 15, 160, 90, 12);
  expect_in_box(words, "子", 150, 100, 45, 50);
}

TEST(OfficialForm, ACharacterTheFontsLackIsMarkedNotDropped) {
  const auto& layout = layouts().by_procedure.at("moving_in");
  auto answers = testing::sample("moving_in");
  answers["notifier_name"] = "𠮷田　太郎";
  auto page = fill_form(layout, testing::procedure("moving_in"), answers, {testing::kToday, "", std::nullopt});
  auto pdf = documents::render_official_form({layout.title, "仙台市", {page}});
  EXPECT_EQ(pdf.missing_characters, std::vector<char32_t>{0x20BB7});
}

}  // namespace
}  // namespace madoguchi::counter
