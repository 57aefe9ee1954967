// The public figures: nearest-rank percentiles and the per-procedure
// aggregation (channels, statuses, processing time, overdue).
#include <gtest/gtest.h>

#include "insight/percentile.h"
#include "insight/stats.h"

namespace madoguchi::insight {
namespace {

TEST(Percentile, NearestRank) {
  std::vector<double> values = {5, 1, 4, 2, 3};
  EXPECT_EQ(percentile(values, 50), 3);
  EXPECT_EQ(percentile(values, 90), 5);
  EXPECT_EQ(percentile(values, 20), 1);
  std::vector<double> ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(percentile(ten, 50), 5);
  EXPECT_EQ(percentile(ten, 90), 9);
  std::vector<double> none;
  EXPECT_FALSE(percentile(none, 50));
  EXPECT_FALSE(percentile(ten, 0));
}

TEST(PublicStats, AggregatesPerProcedureAndInTotal) {
  auto loaded = procedures::load_catalogue("procedures");
  ASSERT_TRUE(loaded.catalogue);
  StatsInput input;
  input.counts = {{"child_allowance", "online", "approved", 3},
                  {"child_allowance", "mail", "in_review", 2},
                  {"residence_certificate", "online", "submitted", 4}};
  input.durations = {{"child_allowance", 1.04}, {"child_allowance", 2.0}, {"child_allowance", 9.96}};
  input.overdue = {{"child_allowance", 1}};
  input.generated_at = "2026-11-22T00:00:00.000Z";
  input.today = "2026-11-22";
  auto figures = public_stats(*loaded.catalogue, input);
  nlohmann::json child;
  for (const auto& p : figures["procedures"]) {
    if (p["id"] == "child_allowance") child = p;
  }
  ASSERT_FALSE(child.is_null());
  EXPECT_EQ(child["applications"], 5);
  EXPECT_EQ(child["by_channel"]["online"], 3);
  EXPECT_EQ(child["by_channel"]["mail"], 2);
  EXPECT_EQ(child["by_channel"]["counter"], 0);
  EXPECT_EQ(child["by_status"]["approved"], 3);
  EXPECT_EQ(child["by_status"]["withdrawn"], 0);
  EXPECT_EQ(child["processing_time"]["decided"], 3);
  EXPECT_DOUBLE_EQ(child["processing_time"]["median_days"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(child["processing_time"]["p90_days"].get<double>(), 10.0);
  EXPECT_EQ(child["overdue"], 1);
  EXPECT_EQ(child["standard_processing_business_days"], 20);
  EXPECT_EQ(figures["totals"]["applications"], 9);
  EXPECT_EQ(figures["totals"]["overdue"], 1);
  EXPECT_EQ(figures["procedures"].size(), loaded.catalogue->all().size());
  for (const auto& p : figures["procedures"]) {
    if (p["id"] == "dog_registration") {
      EXPECT_TRUE(p["processing_time"]["median_days"].is_null());
    }
  }
}

}  // namespace
}  // namespace madoguchi::insight
