// The card beside the answers: the same name, a name that differs only by a
// variant character (髙 on the card, 高 typed) named as such, a different
// address, and a question left unanswered.
#include <gtest/gtest.h>

#include "card_support.h"
#include "counter/card_comparison.h"
#include "counter/card_data.h"
#include "test_support.h"

namespace madoguchi::counter {
namespace {

const CardComparisonRow& row(const std::vector<CardComparisonRow>& rows, const std::string& field) {
  for (const auto& r : rows) {
    if (r.field_id == field) return r;
  }
  static CardComparisonRow none;
  ADD_FAILURE() << "no row for " << field;
  return none;
}

TEST(CardComparison, NamesVariantCharactersAndDifferences) {
  auto card = parse_four_items(testing::four_items());
  const auto& moving_in = testing::procedure("moving_in");
  nlohmann::json answers = {{"notifier_name", "高橋　𠮷子"},
                            {"notifier_birth_date", "1985-04-01"},
                            {"previous_address", "東京都千代田区1-1"}};
  auto rows = compare_with_card(moving_in, answers, card);
  const auto& name = row(rows, "notifier_name");
  EXPECT_EQ(name.agreement, Agreement::variant);
  EXPECT_EQ(name.card_value, "髙橋\u3000𠮷子");
  EXPECT_EQ(name.variant_pairs, std::vector<std::string>{"髙→高"});
  EXPECT_EQ(row(rows, "notifier_birth_date").agreement, Agreement::same);
  EXPECT_EQ(row(rows, "previous_address").agreement, Agreement::differs);

  answers.erase("previous_address");
  answers["notifier_name"] = "髙橋 𠮷子";
  rows = compare_with_card(moving_in, answers, card);
  EXPECT_EQ(row(rows, "notifier_name").agreement, Agreement::same) << "a half-width space is no difference";
  EXPECT_EQ(row(rows, "previous_address").agreement, Agreement::unanswered);

  answers["notifier_name"] = "高橋　吉子";
  rows = compare_with_card(moving_in, answers, card);
  EXPECT_EQ(row(rows, "notifier_name").variant_pairs, (std::vector<std::string>{"髙→高", "𠮷→吉"}));
  answers["notifier_name"] = "鈴木　花子";
  EXPECT_EQ(row(compare_with_card(moving_in, answers, card), "notifier_name").agreement, Agreement::differs);
}

TEST(CardComparison, KeepsTheCardItemsAsStoredOnTheIntake) {
  auto card = parse_four_items(testing::four_items());
  auto json = card_items_json(card);
  EXPECT_EQ(json["flagged"].size(), 2u);
  EXPECT_EQ(json["flagged"][0]["character"], "髙");
  auto back = card_items_from_json(json);
  EXPECT_EQ(back.name.text, card.name.text);
  EXPECT_EQ(back.birth_date, "1985-04-01");
  EXPECT_EQ(common_form(0x9AD9), 0x9AD8u);
  EXPECT_EQ(common_form(U'山'), static_cast<char32_t>(U'山'));
}

}  // namespace
}  // namespace madoguchi::counter
