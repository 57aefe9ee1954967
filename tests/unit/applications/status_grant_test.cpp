// The status cookie: it grants what it lists until it expires, and nothing
// if it was altered or made with another key.
#include <gtest/gtest.h>

#include "applications/reference.h"
#include "applications/status_grant.h"
#include "platform/crypto.h"

namespace madoguchi::applications {
namespace {

std::vector<uint8_t> key(uint8_t fill) { return std::vector<uint8_t>(32, fill); }

const std::string kFirst = make_reference(12345);
const std::string kSecond = make_reference(67890);

TEST(StatusGrant, GrantsItsReferencesUntilItExpires) {
  platform::crypto::init();
  StatusGrant grant(key(1));
  auto now = platform::parse_iso_timestamp("2026-11-22T01:00:00.000Z");
  std::string value = grant.add("", kFirst, now);
  value = grant.add(value, kSecond, now);
  value = grant.add(value, kFirst, now);
  EXPECT_EQ(grant.read(value, now), (std::vector<std::string>{kSecond, kFirst}));
  EXPECT_EQ(grant.read(value, now + kStatusGrantLifetime - std::chrono::seconds(1)).size(), 2u);
  EXPECT_TRUE(grant.read(value, now + kStatusGrantLifetime).empty());
}

TEST(StatusGrant, RefusesAlteredOrForeignCookies) {
  platform::crypto::init();
  StatusGrant grant(key(1));
  auto now = platform::parse_iso_timestamp("2026-11-22T01:00:00.000Z");
  std::string value = grant.add("", kFirst, now);
  ASSERT_EQ(grant.read(value, now).size(), 1u);
  EXPECT_TRUE(StatusGrant(key(2)).read(value, now).empty());
  std::string altered = value;
  altered[2] = altered[2] == 'A' ? 'B' : 'A';
  EXPECT_TRUE(grant.read(altered, now).empty());
  EXPECT_TRUE(grant.read("", now).empty());
  EXPECT_TRUE(grant.read("garbage.value", now).empty());
}

TEST(StatusGrant, KeepsOnlyTheNewestReferences) {
  platform::crypto::init();
  StatusGrant grant(key(1));
  auto now = platform::parse_iso_timestamp("2026-11-22T01:00:00.000Z");
  std::string value;
  for (uint64_t i = 0; i < 15; ++i) value = grant.add(value, make_reference(i), now);
  auto kept = grant.read(value, now);
  ASSERT_EQ(kept.size(), kMaxGrantedReferences);
  EXPECT_EQ(kept.back(), make_reference(14));
  EXPECT_EQ(kept.front(), make_reference(5));
}

}  // namespace
}  // namespace madoguchi::applications
