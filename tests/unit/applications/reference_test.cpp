#include "applications/reference.h"

#include <gtest/gtest.h>

#include <random>

using namespace madoguchi::applications;

namespace {
const std::string kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

TEST(Reference, HasTheAgreedShapeAndParsesBack) {
  auto ref = make_reference(0x123456789ull);
  ASSERT_EQ(ref.size(), 13u);
  EXPECT_EQ(ref.substr(0, 4), "MDG-");
  EXPECT_EQ(ref[8], '-');
  EXPECT_EQ(parse_reference(ref), ref);
}

TEST(Reference, ForgivesCaseWidthHyphensAndConfusables) {
  auto ref = make_reference(0x0ull);  // MDG-0000-000?
  std::string lower;
  for (char c : ref) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  EXPECT_EQ(parse_reference(lower), ref);
  std::string no_prefix = ref.substr(4, 4) + ref.substr(9);
  EXPECT_EQ(parse_reference(no_prefix), ref);
  std::string with_o = ref;
  with_o[4] = 'O';
  EXPECT_EQ(parse_reference(with_o), ref);
  EXPECT_EQ(parse_reference("ＭＤＧ－" + ref.substr(4, 4) + " " + ref.substr(9)), ref);
}

TEST(Reference, CatchesEverySingleSubstitution) {
  std::mt19937_64 rng(42);
  for (int n = 0; n < 200; ++n) {
    auto ref = make_reference(rng());
    for (size_t pos : {4u, 5u, 6u, 7u, 9u, 10u, 11u, 12u}) {
      for (char c : kAlphabet) {
        if (c == ref[pos]) continue;
        std::string typo = ref;
        typo[pos] = c;
        EXPECT_FALSE(parse_reference(typo)) << ref << " -> " << typo;
      }
    }
  }
}

TEST(Reference, CatchesEveryAdjacentSwap) {
  std::mt19937_64 rng(7);
  for (int n = 0; n < 2000; ++n) {
    auto ref = make_reference(rng());
    std::string compact = ref.substr(4, 4) + ref.substr(9);
    for (size_t i = 0; i + 1 < compact.size(); ++i) {
      if (compact[i] == compact[i + 1]) continue;
      std::string swapped = compact;
      std::swap(swapped[i], swapped[i + 1]);
      EXPECT_FALSE(parse_reference(swapped)) << compact << " -> " << swapped;
    }
  }
}

TEST(Reference, RejectsGarbage) {
  for (const char* bad : {"", "MDG-", "MDG-0000-00000", "XYZ-0000-0000", "MDG-UUUU-UUUU", "住民票", "MDG-0000-000\xff"}) {
    EXPECT_FALSE(parse_reference(bad)) << bad;
  }
}
