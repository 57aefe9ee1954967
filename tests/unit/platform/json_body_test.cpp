#include "platform/http/json_body.h"

#include <gtest/gtest.h>

#include "platform/http/http_error.h"

using namespace madoguchi::platform::http;

namespace {
std::string code_of(const std::string& text) {
  try {
    parse_json_text(text);
  } catch (const HttpError& e) {
    return e.code();
  }
  return "ok";
}
}  // namespace

TEST(JsonBody, AcceptsValidJson) {
  EXPECT_EQ(parse_json_text("{\"名前\":\"髙橋\"}")["名前"], "髙橋");
}

TEST(JsonBody, RejectsMalformedInvalidUtf8AndEmpty) {
  EXPECT_EQ(code_of("{\"a\":"), "malformed_json");
  EXPECT_EQ(code_of("{\"a\":\"\xff\xfe\"}"), "malformed_json");
  EXPECT_EQ(code_of("\"\\ud800\""), "malformed_json");
  EXPECT_EQ(code_of(""), "empty_body");
}

TEST(JsonBody, RejectsDeepNesting) {
  EXPECT_EQ(code_of(std::string(100000, '[')), "json_too_deep");
  EXPECT_EQ(code_of(std::string(31, '[') + std::string(31, ']')), "ok");
}

TEST(JsonBody, HugeNumbersParseOrFailCleanly) {
  auto result = code_of("{\"n\": 1e999999}");
  EXPECT_TRUE(result == "ok" || result == "malformed_json");
  EXPECT_EQ(code_of("{\"n\": 123456789012345678901234567890}"), "ok");
}

TEST(JsonBody, WrongContentTypeIs415) {
  Request r;
  r.body = "{}";
  r.headers.add("Content-Type", "text/plain");
  try {
    parse_json_body(r);
    FAIL();
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 415);
  }
}
