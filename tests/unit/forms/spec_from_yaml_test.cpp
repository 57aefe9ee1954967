// Building a FormSpec from YAML: what it reads, and the precise line and message of each problem.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "forms/printable.h"
#include "forms/spec_from_yaml.h"
#include "spec_helpers.h"

namespace madoguchi::forms {
namespace {

using ::testing::HasSubstr;
using testing::spec_of;

// The problems of `yaml` as "line: English message" (the part after " / ").
std::vector<std::string> problems_of(std::string_view yaml) {
  const auto built = parse_form_spec(yaml);
  EXPECT_FALSE(built.ok());
  std::vector<std::string> out;
  for (const auto& p : built.problems) out.push_back(std::to_string(p.line) + ": " + p.message_en);
  return out;
}

std::string one_field(const std::string& body) {
  return "sections:\n"
         "  - id: main\n"
         "    title: {ja: 主, en: Main, easy: おも}\n"
         "    fields:\n"
         "      - id: f\n" +
         body;
}

const char* kLabel = "        label: {ja: 項目, en: Item, easy: こうもく}\n";

TEST(SpecFromYaml, ReadsSectionsFieldsAndDefaults) {
  const auto spec = spec_of(R"(
sections:
  - id: s1
    title: {ja: 一, en: One, easy: いち}
    help: {ja: 説明, en: Help, easy: せつめい}
    fields:
      - id: note
        type: text
        label: {ja: 備考, en: Note, easy: メモ}
        multiline: true
      - id: kana
        type: katakana
        label: {ja: フリガナ, en: Kana, easy: よみかた}
        required: true
      - id: members
        type: group
        label: {ja: 世帯員, en: Members, easy: かぞく}
        repeat: {max: 4}
        item_label: {ja: 世帯員, en: Member, easy: かぞく}
        fields:
          - id: name
            type: name
            label: {ja: 氏名, en: Name, easy: なまえ}
            prefill: {from: [moving_in.members.name]}
)");
  ASSERT_EQ(spec.sections.size(), 1u);
  const auto& fields = spec.sections[0].fields;
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].max_length, 2000u);  // multi-line text default
  EXPECT_EQ(fields[1].max_length, 100u);
  EXPECT_TRUE(fields[1].required);
  EXPECT_TRUE(fields[2].repeat);
  EXPECT_EQ(fields[2].min_items, 0u);
  EXPECT_EQ(fields[2].max_items, 4u);
  EXPECT_EQ(fields[2].line, 15);
  ASSERT_EQ(fields[2].fields[0].prefill.from.size(), 1u);
  EXPECT_EQ(fields[2].fields[0].prefill.from[0].procedure, "moving_in");
  EXPECT_EQ(fields[2].fields[0].prefill.from[0].field, "members.name");
  EXPECT_EQ(spec.find_field("members.name"), &fields[2].fields[0]);
  EXPECT_EQ(spec.find_field("members[].name"), &fields[2].fields[0]);
  EXPECT_EQ(spec.section_of("kana"), &spec.sections[0]);
}

TEST(SpecFromYaml, UnknownKeyNamesTheLineAndTheAllowedKeys) {
  const auto problems = problems_of(one_field("        type: text\n" + std::string(kLabel) + "        lable: x\n"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0], HasSubstr("8: form.sections[0]（main）.fields[0]（f）: unknown key \"lable\""));
  EXPECT_THAT(problems[0], HasSubstr("allowed keys: id, type, label, help"));
}

TEST(SpecFromYaml, JapaneseMessageComesFirst) {
  const auto built = parse_form_spec(one_field("        type: txt\n" + std::string(kLabel)));
  ASSERT_EQ(built.problems.size(), 1u);
  EXPECT_EQ(built.problems[0].line, 6);
  EXPECT_THAT(built.problems[0].message_ja, HasSubstr("項目の種類\"txt\"はありません"));
  EXPECT_THAT(built.problems[0].message(), HasSubstr(" / "));
  EXPECT_THAT(built.problems[0].message_en, HasSubstr("unknown field type \"txt\""));
}

TEST(SpecFromYaml, KeysThatDoNotFitTheTypeAreRefused) {
  EXPECT_THAT(problems_of(one_field("        type: date\n" + std::string(kLabel) + "        max_length: 3\n")),
              ::testing::ElementsAre(HasSubstr("unknown key \"max_length\"")));
  EXPECT_THAT(problems_of(one_field("        type: group\n" + std::string(kLabel) +
                                    "        required: true\n        fields:\n"
                                    "          - {id: a, type: text, label: {ja: あ, en: A, easy: あ}}\n")),
              ::testing::ElementsAre(HasSubstr("unknown key \"required\"")));
}

TEST(SpecFromYaml, MissingLabelLanguages) {
  const auto problems = problems_of(one_field("        type: text\n        label: {ja: 項目, en: Item}\n"));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0], HasSubstr("7: form.sections[0]（main）.fields[0]（f）.label: missing required key \"easy\""));
}

TEST(SpecFromYaml, DuplicateIdsAndKeys) {
  const auto problems = problems_of(R"(sections:
  - id: a
    title: {ja: あ, en: A, easy: あ}
    fields:
      - {id: x, type: text, label: {ja: x, en: x, easy: x}}
      - {id: x, type: text, label: {ja: x, en: x, easy: x}}
  - id: b
    title: {ja: い, en: B, easy: い}
    title: {ja: い, en: B, easy: い}
    fields:
      - {id: x, type: text, label: {ja: x, en: x, easy: x}}
)");
  EXPECT_THAT(problems, ::testing::ElementsAre(HasSubstr("6: form.sections[0]（a）.fields[1]: duplicate field id \"x\" (also on line 5)"),
                                               HasSubstr("9: form.sections[1]: duplicate key \"title\""),
                                               HasSubstr("11: form.sections: field id \"x\" is also used in section \"a\"")));
}

TEST(SpecFromYaml, BadLimits) {
  EXPECT_THAT(problems_of(one_field("        type: number\n" + std::string(kLabel) + "        min: 10\n        max: 1\n")),
              ::testing::ElementsAre(HasSubstr("min is greater than max")));
  EXPECT_THAT(problems_of(one_field("        type: date\n" + std::string(kLabel) + "        max: tomorrow\n")),
              ::testing::ElementsAre(HasSubstr("\"tomorrow\" is not a date limit")));
  EXPECT_THAT(problems_of(one_field("        type: text\n" + std::string(kLabel) + "        max_length: 0\n")),
              ::testing::ElementsAre(HasSubstr("expected a whole number from 1 to 10000, found 0")));
  EXPECT_THAT(problems_of(one_field("        type: text\n" + std::string(kLabel) +
                                    "        pattern: \"[0-9\"\n        pattern_hint: {ja: a, en: a, easy: a}\n")),
              ::testing::ElementsAre(HasSubstr("invalid regular expression")));
  EXPECT_THAT(problems_of(one_field("        type: file\n" + std::string(kLabel) +
                                    "        accept: [pdf]\n        max_size: 1GB\n")),
              ::testing::ElementsAre(HasSubstr("\"pdf\" is not a content type"), HasSubstr("\"1GB\" is not a size")));
  EXPECT_THAT(problems_of(one_field("        type: radio\n" + std::string(kLabel))),
              ::testing::ElementsAre(HasSubstr("missing required key \"options\"")));
}

TEST(SpecFromYaml, ConditionReferencesAreResolved) {
  const auto spec = spec_of(R"(
sections:
  - id: s
    title: {ja: s, en: s, easy: s}
    fields:
      - id: kind
        type: select
        label: {ja: 種類, en: Kind, easy: しゅるい}
        options:
          - {value: a, label: {ja: a, en: a, easy: a}}
      - id: items
        type: group
        label: {ja: 品, en: Items, easy: もの}
        repeat: {max: 3}
        item_label: {ja: 品, en: Item, easy: もの}
        fields:
          - id: count
            type: number
            label: {ja: 数, en: Count, easy: かず}
          - id: note
            type: text
            label: {ja: 備考, en: Note, easy: メモ}
            visible_if:
              all:
                - {field: kind, equals: a}
                - {field: count, in: [2, 3]}
)");
  const auto& note = spec.sections[0].fields[1].fields[1];
  ASSERT_TRUE(note.visible_if);
  const auto& all = note.visible_if->operands;
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].field.up, 1);
  EXPECT_EQ(all[0].field.path, "kind");
  EXPECT_EQ(all[1].field.up, 0);
  EXPECT_EQ(all[1].field.path, "items[].count");
  EXPECT_EQ(all[1].values[0], 2);  // typed like the number field
}

TEST(SpecFromYaml, BadConditions) {
  const std::string head = R"(sections:
  - id: s
    title: {ja: s, en: s, easy: s}
    fields:
      - id: kind
        type: select
        label: {ja: 種類, en: Kind, easy: しゅるい}
        options:
          - {value: a, label: {ja: a, en: a, easy: a}}
      - id: other
        type: text
        label: {ja: 他, en: Other, easy: ほか}
)";
  EXPECT_THAT(problems_of(head + "        visible_if: {field: knd, equals: a}\n"),
              ::testing::ElementsAre(HasSubstr("13: form.fields(other).visible_if: the referenced field \"knd\" does not exist")));
  EXPECT_THAT(problems_of(head + "        visible_if: {field: kind, equals: b}\n"),
              ::testing::ElementsAre(HasSubstr("\"kind\" has no option \"b\"")));
  EXPECT_THAT(problems_of(head + "        visible_if: {field: kind, equals: a, in: [a]}\n"),
              ::testing::ElementsAre(HasSubstr("write exactly one comparison")));
  EXPECT_THAT(problems_of(head + "        visible_if: {field: kind, age_at_least: 3}\n"),
              ::testing::ElementsAre(HasSubstr("is not a date field")));
  EXPECT_THAT(problems_of(head + "        visible_if: {any: []}\n"),
              ::testing::ElementsAre(HasSubstr("expected a list of at least one condition")));
}

TEST(SpecFromYaml, VisibilityCyclesAreRefused) {
  const auto problems = problems_of(R"(sections:
  - id: s
    title: {ja: s, en: s, easy: s}
    fields:
      - id: a
        type: text
        label: {ja: a, en: a, easy: a}
        visible_if: {field: b, answered: true}
      - id: b
        type: text
        label: {ja: b, en: b, easy: b}
        visible_if: {field: a, answered: true}
)");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_THAT(problems[0], HasSubstr("visible_if conditions form a cycle: a → b → a"));
}

TEST(SpecFromYaml, RulePaths) {
  const std::string head = R"(sections:
  - id: s
    title: {ja: s, en: s, easy: s}
    fields:
      - {id: born, type: date, label: {ja: 生, en: Born, easy: うまれ}}
      - {id: name, type: name, label: {ja: 名, en: Name, easy: なまえ}}
      - id: kids
        type: group
        label: {ja: 子, en: Kids, easy: こ}
        repeat: {max: 3}
        item_label: {ja: 子, en: Kid, easy: こ}
        fields:
          - {id: born, type: date, label: {ja: 生, en: Born, easy: うまれ}}
rules:
)";
  EXPECT_THAT(problems_of(head + "  - {id: r, date_order: {earlier: born, later: kids.age}}\n"),
              ::testing::ElementsAre(HasSubstr("15: form.rules[0]（r）.date_order.later: \"kids.age\": no field \"age\"")));
  EXPECT_THAT(problems_of(head + "  - {id: r, date_order: {earlier: name, later: kids.born}}\n"),
              ::testing::ElementsAre(HasSubstr("\"name\" is not a date field")));
  EXPECT_THAT(problems_of(head + "  - {id: r, unique: born}\n"),
              ::testing::ElementsAre(HasSubstr("unique needs a field inside a repeating group")));
  EXPECT_THAT(problems_of(head + "  - {id: r, same_value: [born, kids.born]}\n"),
              ::testing::ElementsAre(HasSubstr("all fields must be at the same level")));
  EXPECT_THAT(problems_of(head + "  - {id: r, unique: kids}\n"),
              ::testing::ElementsAre(HasSubstr("\"kids\" is a group")));
  EXPECT_THAT(problems_of(head + "  - {id: r}\n"), ::testing::ElementsAre(HasSubstr("write exactly one rule kind")));
}

TEST(SpecFromYaml, CardPrefillMustFitTheType) {
  EXPECT_THAT(problems_of(one_field("        type: text\n" + std::string(kLabel) + "        prefill: {card: name}\n")),
              ::testing::ElementsAre(HasSubstr("the card's \"name\" cannot fill a \"text\" field")));
  EXPECT_THAT(problems_of(one_field("        type: name\n" + std::string(kLabel) + "        prefill: {card: photo}\n")),
              ::testing::ElementsAre(HasSubstr("\"photo\" is not one of the card's basic four items")));
  EXPECT_THAT(problems_of(one_field("        type: name\n" + std::string(kLabel) + "        prefill: {from: [moving_in]}\n")),
              ::testing::ElementsAre(HasSubstr("must be procedure_id.field_path")));
}

TEST(SpecFromYaml, YamlSyntaxErrorHasItsLine) {
  const auto built = parse_form_spec("sections:\n  - id: a\n    title: {ja: x, en: y\n");
  ASSERT_EQ(built.problems.size(), 1u);
  EXPECT_GT(built.problems[0].line, 0);
  EXPECT_THAT(built.problems[0].message_en, HasSubstr("YAML syntax error"));
}

TEST(SpecFromYaml, SyntaxErrorQuotingInvalidBytesIsShownSafely) {
  // Found by fuzz_forms_spec: yaml-cpp's message repeats the byte after a bad escape.
  const auto built = parse_form_spec("sections: \"\\\xd0\"\n");
  ASSERT_EQ(built.problems.size(), 1u);
  EXPECT_THAT(built.problems[0].message_en, HasSubstr("\\xD0"));
  EXPECT_NO_THROW((void)nlohmann::json(built.problems[0].message()).dump());
}

TEST(SpecFromYaml, NestingLimits) {
  std::string yaml = "sections:\n  - id: s\n    title: {ja: s, en: s, easy: s}\n    fields:\n";
  std::string indent = "      ";
  for (int depth = 0; depth < 5; ++depth) {
    yaml += indent + "- id: g" + std::to_string(depth) + "\n" + indent + "  type: group\n" + indent +
            "  label: {ja: g, en: g, easy: g}\n" + indent + "  fields:\n";
    indent += "    ";
  }
  yaml += indent + "- {id: leaf, type: text, label: {ja: l, en: l, easy: l}}\n";
  EXPECT_THAT(problems_of(yaml), ::testing::Contains(HasSubstr("groups nest at most 3 deep")));
}

TEST(SpecFromYaml, InvalidUtf8InADefinitionIsAProblemShownSafely) {
  const auto built = parse_form_spec(one_field("        type: text\n        label: {ja: \xff\xfe, en: Item, easy: こうもく}\n"));
  ASSERT_EQ(built.problems.size(), 1u);
  EXPECT_EQ(built.problems[0].line, 7);
  EXPECT_THAT(built.problems[0].message_en, HasSubstr("not valid UTF-8: \"\\xFF\\xFE\""));
  EXPECT_NO_THROW((void)nlohmann::json(built.problems[0].message()).dump());
}

TEST(SpecFromYaml, IdsAreSnakeCase) {
  EXPECT_TRUE(is_snake_case_id("birth_date"));
  EXPECT_TRUE(is_snake_case_id("fy2026"));
  for (const char* bad : {"", "BirthDate", "birth-date", "_x", "x_", "a__b", "1a", "生年月日"}) {
    EXPECT_FALSE(is_snake_case_id(bad)) << bad;
  }
}

TEST(Printable, EscapesWhatCannotBeShown) {
  EXPECT_EQ(printable("住民票", 10), "住民票");
  EXPECT_EQ(printable("a\x01" "b\x7f", 10), "a\\u{01}b\\u{7F}");
  EXPECT_EQ(printable("a\xe3\x81", 10), "a\\xE3\\x81");
  EXPECT_EQ(printable("a\u202Eb", 10), "a\\u{202E}b");
  EXPECT_EQ(printable("あいうえお", 3), "あいう…");
  EXPECT_EQ(shown("lable"), "\"lable\"");
}

}  // namespace
}  // namespace madoguchi::forms
