#include "platform/http/request.h"

#include <gtest/gtest.h>

using namespace madoguchi::platform::http;

TEST(Request, ReadsCookiesQueryAndContentType) {
  Request r;
  r.headers.add("Cookie", "a=1; session=abc; b=2");
  r.headers.add("content-type", "application/json; charset=utf-8");
  r.query = "q=%E4%BD%8F%E6%B0%91&page=2";
  EXPECT_EQ(r.cookie("session").value(), "abc");
  EXPECT_FALSE(r.cookie("missing"));
  EXPECT_EQ(r.query_param("q").value(), "住民");
  EXPECT_TRUE(r.has_content_type("application/json"));
  EXPECT_FALSE(r.has_content_type("text/html"));
}

TEST(Request, AttributesAreTyped) {
  Request r;
  r.set_attribute("n", 42);
  ASSERT_NE(r.attribute<int>("n"), nullptr);
  EXPECT_EQ(*r.attribute<int>("n"), 42);
  EXPECT_EQ(r.attribute<std::string>("n"), nullptr);
  EXPECT_EQ(r.attribute<int>("other"), nullptr);
}
