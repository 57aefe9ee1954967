#include "identity/audit_filters.h"

#include <gtest/gtest.h>

using namespace madoguchi::identity;

TEST(AuditFilters, DatesAreWholeDaysInJapanTime) {
  auto parsed = parse_audit_filters({" sato.ichiro ", "access_denied", "", "2025-04-01", "2025-04-01", "2"});
  auto* query = std::get_if<AuditQuery>(&parsed);
  ASSERT_TRUE(query);
  EXPECT_EQ(query->actor, "sato.ichiro");
  EXPECT_EQ(query->from_at, "2025-03-31T15:00:00.000Z");
  EXPECT_EQ(query->to_at, "2025-04-01T15:00:00.000Z");
  EXPECT_EQ(query->page, 2);
}

TEST(AuditFilters, BadDatesAndRangesNameTheirField) {
  auto parsed = parse_audit_filters({"", "", "", "2025-02-30", "2025/04/01", ""});
  auto* problems = std::get_if<std::vector<FieldProblem>>(&parsed);
  ASSERT_TRUE(problems);
  ASSERT_EQ(problems->size(), 2u);
  EXPECT_EQ((*problems)[0], (FieldProblem{"from", "errors.date_invalid", 0}));
  EXPECT_EQ((*problems)[1], (FieldProblem{"to", "errors.date_invalid", 0}));
  auto reversed = parse_audit_filters({"", "", "", "2025-04-02", "2025-04-01", ""});
  ASSERT_TRUE(std::holds_alternative<std::vector<FieldProblem>>(reversed));
  EXPECT_EQ(std::get<std::vector<FieldProblem>>(reversed)[0].field, "to");
  auto page = parse_audit_filters({"", "", "", "", "", "0"});
  ASSERT_TRUE(std::holds_alternative<std::vector<FieldProblem>>(page));
}

TEST(AuditFilters, EmptyFiltersMatchEverything) {
  auto parsed = parse_audit_filters({});
  auto* query = std::get_if<AuditQuery>(&parsed);
  ASSERT_TRUE(query);
  EXPECT_FALSE(query->from_at);
  EXPECT_FALSE(query->to_at);
  EXPECT_EQ(query->page, 1);
}

TEST(AuditFilters, DisplayTimeIsJapanTime) {
  EXPECT_EQ(tokyo_display_time("2025-03-31T15:00:00.000Z"), "2025-04-01 00:00:00");
  EXPECT_EQ(tokyo_display_time("garbage"), "garbage");
}
