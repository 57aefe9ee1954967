// The queue's filters read from the URL: choices, problems, the viewer's
// scope, and links that carry the filters from page to page.
#include <gtest/gtest.h>

#include "casework/queue_filter.h"

namespace madoguchi::casework {
namespace {

const procedures::Catalogue& catalogue() {
  static auto loaded = procedures::load_catalogue("procedures");
  return *loaded.catalogue;
}

identity::Scope scope(std::vector<std::string> departments, std::vector<std::string> wards) {
  return {identity::CodeSet::of(departments), identity::CodeSet::of(wards)};
}

TEST(QueueFilter, DefaultsToOpenCasesOfTheWholeScope) {
  auto read = read_queue_filter({}, scope({"children_benefits"}, {"aoba"}), catalogue());
  EXPECT_TRUE(read.problems.empty());
  EXPECT_FALSE(read.out_of_scope);
  EXPECT_EQ(read.filter.statuses, QueueFilter::StatusSet::open);
  EXPECT_EQ(read.filter.page, 1);
  EXPECT_EQ(queue_query(read.filter, 1), "");
}

TEST(QueueFilter, ReadsEveryChoice) {
  auto read = read_queue_filter({"awaiting_approval", "aoba", "child_allowance", "overdue", "me", "3"},
                                scope({"children_benefits"}, {"aoba", "taihaku"}), catalogue());
  ASSERT_TRUE(read.problems.empty());
  const auto& f = read.filter;
  EXPECT_EQ(f.statuses, QueueFilter::StatusSet::one);
  EXPECT_EQ(f.status, applications::Status::awaiting_approval);
  EXPECT_EQ(f.ward, "aoba");
  EXPECT_EQ(f.procedure, "child_allowance");
  EXPECT_EQ(f.due, QueueFilter::Due::overdue);
  EXPECT_EQ(f.assignee, QueueFilter::Assignee::me);
  EXPECT_EQ(f.page, 3);
  EXPECT_EQ(queue_query(f, 4),
            "status=awaiting_approval&ward=aoba&procedure=child_allowance&due=overdue&assignee=me&page=4");
}

TEST(QueueFilter, UnknownValuesAreProblemsAndFallBack) {
  auto read = read_queue_filter({"lost", "atlantis", "no_such", "tomorrow", "boss", "0"},
                                scope({"all"}, {"all"}), catalogue());
  ASSERT_EQ(read.problems.size(), 6u);
  EXPECT_EQ(read.problems[0].field, "status");
  EXPECT_EQ(read.problems[5].code, "bad_page");
  EXPECT_EQ(read.filter.statuses, QueueFilter::StatusSet::open);
  EXPECT_EQ(read.filter.page, 1);
  EXPECT_FALSE(read.out_of_scope);
}

TEST(QueueFilter, AWardOrProcedureOutsideTheScopeIsFlagged) {
  auto ward = read_queue_filter({"", "taihaku", "", "", "", ""}, scope({"children_benefits"}, {"aoba"}), catalogue());
  EXPECT_TRUE(ward.out_of_scope);
  EXPECT_EQ(ward.filter.ward, "");
  auto procedure = read_queue_filter({"", "", "residence_certificate", "", "", ""}, scope({"children_benefits"}, {"all"}), catalogue());
  EXPECT_TRUE(procedure.out_of_scope);
  EXPECT_EQ(procedure.filter.procedure, "");
}

TEST(QueueFilter, LinksEncodeValues) {
  QueueFilter f;
  f.statuses = QueueFilter::StatusSet::all;
  EXPECT_EQ(queue_query(f, 2), "status=all&page=2");
}

}  // namespace
}  // namespace madoguchi::casework
