#include "platform/http/multipart.h"

#include <gtest/gtest.h>

#include "platform/http/http_error.h"

using namespace madoguchi::platform::http;

namespace {
const std::string kBody =
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"answers\"\r\n\r\n"
    "{\"a\":1}\r\n"
    "--XyZ\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"住民票.pdf\"\r\n"
    "Content-Type: application/pdf\r\n\r\n"
    "%PDF-1.4\r\nbinary\r\n"
    "--XyZ--\r\n";

int status_of(const std::string& body) {
  try {
    parse_multipart(body, "XyZ");
  } catch (const HttpError& e) {
    return e.status();
  }
  return 0;
}
}  // namespace

TEST(Multipart, ParsesFieldsAndFiles) {
  auto parts = parse_multipart(kBody, "XyZ");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].name, "answers");
  EXPECT_EQ(parts[0].data, "{\"a\":1}");
  EXPECT_EQ(parts[1].filename, "住民票.pdf");
  EXPECT_EQ(parts[1].content_type, "application/pdf");
  EXPECT_EQ(parts[1].data, "%PDF-1.4\r\nbinary");
}

TEST(Multipart, RejectsMissingEndBoundary) {
  EXPECT_EQ(status_of(kBody.substr(0, kBody.size() - 10)), 400);
}

TEST(Multipart, RejectsMissingBoundaryAndHeaders) {
  EXPECT_EQ(status_of("no boundary here"), 400);
  EXPECT_EQ(status_of("--XyZ\r\nno headers end"), 400);
  EXPECT_EQ(status_of("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--"), 400);
  EXPECT_EQ(status_of("--XyZ\r\nbroken header\r\n\r\nx\r\n--XyZ--"), 400);
}

TEST(Multipart, LimitsPartCount) {
  std::string body;
  for (int i = 0; i < 70; ++i) body += "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n";
  body += "--XyZ--";
  EXPECT_EQ(status_of(body), 400);
}

TEST(Multipart, BoundaryComesFromContentType) {
  Request r;
  r.headers.add("Content-Type", "multipart/form-data; boundary=\"abc\"");
  EXPECT_EQ(multipart_boundary(r), "abc");
  Request wrong;
  wrong.headers.add("Content-Type", "application/json");
  try {
    multipart_boundary(wrong);
    FAIL();
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 415);
  }
}
