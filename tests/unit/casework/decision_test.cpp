// A drafted decision as posted: outcome, reason, and a checked postal address
// when the notice goes by post.
#include <gtest/gtest.h>

#include "casework/decision.h"

namespace madoguchi::casework {
namespace {

std::vector<std::string> fields_of(const DecisionRead& read) {
  std::vector<std::string> out;
  for (const auto& p : read.problems) out.push_back(p.field + ":" + p.code);
  return out;
}

TEST(Decision, AnElectronicApprovalNeedsNoReason) {
  auto read = read_decision({"approve", "", "electronic", "", ""});
  ASSERT_TRUE(read.draft);
  EXPECT_EQ(read.draft->outcome, Outcome::approve);
  EXPECT_EQ(read.draft->delivery, Delivery::electronic);
  EXPECT_TRUE(read.draft->address_lines.empty());
}

TEST(Decision, ARejectionNeedsAReason) {
  auto read = read_decision({"reject", "  ", "electronic", "", ""});
  EXPECT_FALSE(read.draft);
  EXPECT_EQ(fields_of(read), (std::vector<std::string>{"reason:missing"}));
}

TEST(Decision, PostingNeedsAPostalCodeAndAnAddress) {
  auto read = read_decision({"approve", "", "post", "〒９８０－８６７１", "仙台市青葉区国分町三丁目7番1号\r\n\r\n市役所 気付\n"});
  ASSERT_TRUE(read.draft) << fields_of(read).size();
  EXPECT_EQ(read.draft->postal_code, "980-8671");
  EXPECT_EQ(read.draft->address_lines, (std::vector<std::string>{"仙台市青葉区国分町三丁目7番1号", "市役所 気付"}));

  auto missing = read_decision({"approve", "", "post", "", ""});
  EXPECT_EQ(fields_of(missing), (std::vector<std::string>{"postal_code:missing", "address:missing"}));
  auto bad = read_decision({"approve", "", "post", "98-12", "1\n2\n3\n4\n5"});
  EXPECT_EQ(fields_of(bad), (std::vector<std::string>{"postal_code:invalid", "address:too_many_lines"}));
  auto long_line = read_decision({"approve", "", "post", "980-8671", std::string(61 * 3, 'a')});
  EXPECT_EQ(fields_of(long_line), (std::vector<std::string>{"address:too_long"}));
}

TEST(Decision, UnknownChoicesAreProblems) {
  auto read = read_decision({"maybe", "", "pigeon", "", ""});
  EXPECT_EQ(fields_of(read), (std::vector<std::string>{"outcome:invalid", "delivery:invalid"}));
  EXPECT_EQ(fields_of(read_decision({})), (std::vector<std::string>{"outcome:missing", "delivery:missing"}));
}

TEST(Decision, CharactersAreCountedNotBytes) {
  EXPECT_EQ(character_count("髙橋 﨑子"), 5u);
  EXPECT_EQ(character_count("𠮷"), 1u);
  EXPECT_EQ(split_lines(" a \n\nb"), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(join_lines({"a", "b"}), "a\nb");
}

}  // namespace
}  // namespace madoguchi::casework
