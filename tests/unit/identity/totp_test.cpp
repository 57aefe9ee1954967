#include "identity/totp.h"

#include <gtest/gtest.h>

#include "identity/qr_svg.h"

using namespace madoguchi::identity;

namespace {
const std::vector<uint8_t> kRfcSecret = [] {
  std::string text = "12345678901234567890";
  return std::vector<uint8_t>(text.begin(), text.end());
}();

TimePoint at(int64_t unix_seconds) { return TimePoint(std::chrono::seconds(unix_seconds)); }
}  // namespace

// RFC 6238 appendix B, SHA-1 rows (8 digits).
TEST(Totp, MatchesTheRfc6238TestVectors) {
  // The last row (year 2603) is past what a nanosecond system_clock holds, hence Unix seconds.
  struct Row {
    int64_t time;
    const char* code;
  };
  for (Row row : {Row{59, "94287082"}, Row{1111111109, "07081804"}, Row{1111111111, "14050471"},
                  Row{1234567890, "89005924"}, Row{2000000000, "69279037"}, Row{20000000000, "65353130"}}) {
    EXPECT_EQ(totp_at(kRfcSecret, totp_step_from_unix(row.time), 8), row.code) << row.time;
    // Six digits are the last six of the eight.
    EXPECT_EQ(totp_at(kRfcSecret, totp_step_from_unix(row.time)), std::string(row.code).substr(2)) << row.time;
    if (row.time < 9000000000) {
      EXPECT_EQ(totp_step(at(row.time)), totp_step_from_unix(row.time));
    }
  }
}

TEST(Totp, MatchesTheRfc4226HotpValues) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (uint64_t counter = 0; counter < 10; ++counter) EXPECT_EQ(hotp(kRfcSecret, counter), expected[counter]);
}

TEST(Totp, AcceptsOneStepEitherSideAndNoFurther) {
  const TimePoint now = at(1111111111);
  const int64_t step = totp_step(now);
  EXPECT_EQ(verify_totp(kRfcSecret, totp_at(kRfcSecret, step), now, std::nullopt), step);
  EXPECT_EQ(verify_totp(kRfcSecret, totp_at(kRfcSecret, step - 1), now, std::nullopt), step - 1);
  EXPECT_EQ(verify_totp(kRfcSecret, totp_at(kRfcSecret, step + 1), now, std::nullopt), step + 1);
  EXPECT_FALSE(verify_totp(kRfcSecret, totp_at(kRfcSecret, step - 2), now, std::nullopt));
  EXPECT_FALSE(verify_totp(kRfcSecret, totp_at(kRfcSecret, step + 2), now, std::nullopt));
}

TEST(Totp, RefusesACodeFromAStepAlreadyUsed) {
  const TimePoint now = at(1234567890);
  const int64_t step = totp_step(now);
  const std::string code = totp_at(kRfcSecret, step);
  auto first = verify_totp(kRfcSecret, code, now, std::nullopt);
  ASSERT_EQ(first, step);
  EXPECT_FALSE(verify_totp(kRfcSecret, code, now, first));
  EXPECT_FALSE(verify_totp(kRfcSecret, totp_at(kRfcSecret, step - 1), now, first));
  EXPECT_EQ(verify_totp(kRfcSecret, totp_at(kRfcSecret, step + 1), now, first), step + 1);
}

TEST(Totp, ToleratesSpacesAndFullWidthDigitsButNothingElse) {
  const TimePoint now = at(59);
  // 287082 is the 6-digit code at T=59.
  EXPECT_TRUE(verify_totp(kRfcSecret, "287 082", now, std::nullopt));
  EXPECT_TRUE(verify_totp(kRfcSecret, "２８７０８２", now, std::nullopt));
  EXPECT_TRUE(verify_totp(kRfcSecret, "２８７　０８２", now, std::nullopt));
  EXPECT_FALSE(verify_totp(kRfcSecret, "287082x", now, std::nullopt));
  EXPECT_FALSE(verify_totp(kRfcSecret, "28708", now, std::nullopt));
  EXPECT_FALSE(verify_totp(kRfcSecret, "", now, std::nullopt));
}

TEST(Base32, RoundTripsAndMatchesRfc4648) {
  std::string foobar = "foobar";
  EXPECT_EQ(base32_encode({foobar.begin(), foobar.end()}), "MZXW6YTBOI");
  EXPECT_EQ(base32_encode(kRfcSecret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), kRfcSecret);
  EXPECT_FALSE(base32_decode("GEZDGNB1"));
}

TEST(Totp, UriNamesIssuerAccountAndParameters) {
  EXPECT_EQ(totp_uri("Sendai City madoguchi", "takahashi.sakiko", kRfcSecret),
            "otpauth://totp/Sendai%20City%20madoguchi:takahashi.sakiko?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            "&issuer=Sendai%20City%20madoguchi&algorithm=SHA1&digits=6&period=30");
}

TEST(QrSvg, IsInlineSvgWithATitleAndNoStyleOrScript) {
  std::string svg = qr_svg(totp_uri("Sendai City madoguchi", "takahashi.sakiko", kRfcSecret), "QR <code>");
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_NE(svg.find("<title>QR &lt;code&gt;</title>"), std::string::npos);
  EXPECT_NE(svg.find("<path fill=\"#000\" d=\"M"), std::string::npos);
  EXPECT_EQ(svg.find("style"), std::string::npos);
  EXPECT_EQ(svg.find("script"), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");
}
