// Search over the real catalogue: whatever script or width the query is
// typed in, the residence certificate comes first for its name; every word
// must match; nonsense finds nothing.
#include <gtest/gtest.h>

#include "applications/procedure_search.h"
#include "test_support.h"

namespace madoguchi::applications {
namespace {

using testing::real_catalogue;

std::string first(const ProcedureSearch& search, std::string_view query) {
  auto hits = search.search(query);
  return hits.empty() ? std::string("(none)") : hits.front().procedure->id;
}

TEST(ProcedureSearch, FoldsScriptWidthCaseAndRomajiLongVowels) {
  EXPECT_EQ(fold_search_text("じゅうみんひょう"), fold_search_text("ジュウミンヒョウ"));
  EXPECT_EQ(fold_search_text("ｼﾞｭｳﾐﾝﾋｮｳ"), fold_search_text("ジュウミンヒョウ"));
  EXPECT_EQ(fold_search_text("Juuminhyou"), fold_search_text("juminhyo"));
  EXPECT_EQ(fold_search_text("ＪＵＭＩＮＨＹＯ"), "juminhyo");
  EXPECT_EQ(fold_search_text("jūminhyō"), "juminhyo");
  EXPECT_EQ(fold_search_text("住民票 の 写し"), fold_search_text("住民票の写し"));
}

TEST(ProcedureSearch, FindsTheResidenceCertificateHoweverItIsTyped) {
  ProcedureSearch search(real_catalogue());
  for (const char* query : {"じゅうみんひょう", "ジュウミンヒョウ", "ｼﾞｭｳﾐﾝﾋｮｳ", "住民票", "juminhyo", "Juuminhyou",
                            "JUMINHYO", "residence certificate", "  住民票  "}) {
    EXPECT_EQ(first(search, query), "residence_certificate") << query;
  }
}

TEST(ProcedureSearch, RanksNamesAboveMentions) {
  ProcedureSearch search(real_catalogue());
  EXPECT_EQ(first(search, "児童手当"), "child_allowance");
  EXPECT_EQ(first(search, "じどうてあて"), "child_allowance");
  EXPECT_EQ(first(search, "粗大ごみ"), "bulky_waste_collection");
  EXPECT_EQ(first(search, "dog"), "dog_registration");
  auto hits = search.search("住民票");
  for (size_t i = 1; i < hits.size(); ++i) EXPECT_LE(hits[i].score, hits[i - 1].score);
}

TEST(ProcedureSearch, EveryWordMustMatch) {
  ProcedureSearch search(real_catalogue());
  auto both = search.search("住民票 juminhyo");
  ASSERT_FALSE(both.empty());
  EXPECT_EQ(both.front().procedure->id, "residence_certificate");
  EXPECT_TRUE(search.search("住民票 zzzzqqq").empty());
}

TEST(ProcedureSearch, BlankOrNonsenseFindsNothing) {
  ProcedureSearch search(real_catalogue());
  EXPECT_TRUE(search.search("").empty());
  EXPECT_TRUE(search.search("   　 ").empty());
  EXPECT_TRUE(search.search("xyzzyplugh").empty());
  EXPECT_TRUE(search.search(std::string("\xff\xfe")).empty());
}

}  // namespace
}  // namespace madoguchi::applications
