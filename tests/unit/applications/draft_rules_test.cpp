// Draft rules: public ids, cookies, resume codes (made and read back however
// they are typed), expiry and form-version decisions.
#include <gtest/gtest.h>

#include "applications/draft_rules.h"

namespace madoguchi::applications {
namespace {

TEST(DraftRules, PublicIdsAreSixteenLowerCaseCrockfordCharacters) {
  std::vector<uint8_t> bytes = {0xff, 0x00, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0};
  std::string id = make_draft_public_id(bytes);
  EXPECT_EQ(id.size(), 16u);
  EXPECT_TRUE(is_draft_public_id(id));
  EXPECT_FALSE(is_draft_public_id("ABCDEFGHJKMNPQRS"));
  EXPECT_FALSE(is_draft_public_id("abc"));
  EXPECT_FALSE(is_draft_public_id("../../etc/passwd"));
  EXPECT_FALSE(is_draft_public_id("0123456789abcdeu"));  // u is not Crockford
  EXPECT_EQ(draft_cookie_name(id), "mdg_draft_" + id);
  EXPECT_EQ(draft_path(id), "/apply/" + id);
}

TEST(DraftRules, ResumeCodesReadBackWhateverTheCaseWidthOrSpacing) {
  std::string code = make_resume_code(0x0123456789abcdefULL);
  ASSERT_EQ(code.size(), 14u);
  EXPECT_EQ(code[4], '-');
  EXPECT_EQ(code[9], '-');
  EXPECT_EQ(parse_resume_code(code), code);
  std::string lower = code;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(parse_resume_code(lower), code);
  std::string compact;
  for (char c : code) {
    if (c != '-') compact.push_back(c);
  }
  EXPECT_EQ(parse_resume_code(" " + compact.substr(0, 6) + " " + compact.substr(6) + " "), code);
  EXPECT_EQ(parse_resume_code("ＡＢＣＤ－ＥＦＧＨ－ＪＫＭＮ"), "ABCD-EFGH-JKMN");
  EXPECT_EQ(parse_resume_code("OIL0-0000-0000"), "0110-0000-0000");
  EXPECT_FALSE(parse_resume_code("ABCD-EFGH-JKM"));
  EXPECT_FALSE(parse_resume_code("ABCD-EFGH-JKMNP"));
  EXPECT_FALSE(parse_resume_code("ABCD-EFGH-JKMU"));
  EXPECT_FALSE(parse_resume_code(std::string("\xff\xfe")));
}

TEST(DraftRules, ResumeCodesUseSixtyBits) {
  EXPECT_NE(make_resume_code(0), make_resume_code(1ULL << 59));
  EXPECT_EQ(make_resume_code(0), "0000-0000-0000");
  EXPECT_EQ(make_resume_code(~0ULL), "ZZZZ-ZZZZ-ZZZZ");
}

TEST(DraftRules, ExpiryIsLifetimeAfterTheLastSave) {
  auto saved = platform::parse_iso_timestamp("2026-11-01T00:00:00.000Z");
  auto expiry = draft_expiry(saved, std::chrono::hours(24 * 30));
  EXPECT_EQ(platform::iso_timestamp(expiry), "2026-12-01T00:00:00.000Z");
  EXPECT_FALSE(draft_expired("2026-12-01T00:00:00.000Z", expiry - std::chrono::seconds(1)));
  EXPECT_TRUE(draft_expired("2026-12-01T00:00:00.000Z", expiry));
}

TEST(DraftRules, AVersionChangeLeadsToReviewNeverToSilentLoss) {
  EXPECT_EQ(check_version(2, 2, 2), VersionCheck::current);
  EXPECT_EQ(check_version(2, std::nullopt, 2), VersionCheck::current);
  EXPECT_EQ(check_version(1, 2, 2), VersionCheck::review_needed);
  EXPECT_EQ(check_version(1, 1, 2), VersionCheck::page_outdated);
  EXPECT_EQ(check_version(2, 1, 2), VersionCheck::page_outdated);
  EXPECT_EQ(check_version(2, -1, 2), VersionCheck::page_outdated);
}

}  // namespace
}  // namespace madoguchi::applications
