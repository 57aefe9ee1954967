#include "platform/http/router.h"

#include <gtest/gtest.h>

using namespace madoguchi::platform::http;

namespace {
Handler named(std::string name) {
  return [name](Request&) { return Response::text(200, name); };
}
std::string call(const Router& r, const std::string& method, const std::string& path) {
  auto m = r.match(method, path);
  if (!m.route) return m.allowed_methods.empty() ? "404" : "405";
  Request req;
  return m.route->handler(req).body;
}
}  // namespace

TEST(Router, LiteralBeatsCapture) {
  Router r;
  r.get("/a/{id}", named("capture"));
  r.get("/a/new", named("literal"));
  EXPECT_EQ(call(r, "GET", "/a/new"), "literal");
  EXPECT_EQ(call(r, "GET", "/a/42"), "capture");
}

TEST(Router, CapturesParameters) {
  Router r;
  r.get("/api/v1/procedures/{id}/applications/{ref}", named("x"));
  auto m = r.match("GET", "/api/v1/procedures/juminhyo/applications/MDG-1");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("id"), "juminhyo");
  EXPECT_EQ(m.params.at("ref"), "MDG-1");
}

TEST(Router, RestCaptureTakesRemainingSegments) {
  Router r;
  r.get("/static/{path*}", named("static"));
  auto m = r.match("GET", "/static/css/app.css");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.params.at("path"), "css/app.css");
}

TEST(Router, EmptySegmentDoesNotMatchCapture) {
  Router r;
  r.get("/a/{id}", named("x"));
  EXPECT_EQ(call(r, "GET", "/a/"), "404");
}

TEST(Router, WrongMethodReportsAllowedMethods) {
  Router r;
  r.get("/x", named("get"));
  r.post("/x", named("post"));
  auto m = r.match("DELETE", "/x");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed_methods.size(), 2u);
  EXPECT_EQ(call(r, "HEAD", "/x"), "get");
  EXPECT_EQ(call(r, "GET", "/y"), "404");
}

TEST(Router, RejectsDuplicateAndMalformedPatterns) {
  Router r;
  r.get("/x", named("a"));
  EXPECT_THROW(r.get("/x", named("b")), std::invalid_argument);
  EXPECT_THROW(r.get("x", named("b")), std::invalid_argument);
  EXPECT_THROW(r.get("/{rest*}/more", named("b")), std::invalid_argument);
}

TEST(Router, WrapDecoratesARegisteredRoute) {
  Router r;
  r.post("/login", named("login"));
  r.wrap("POST", "/login", [](Handler inner) {
    return [inner](Request& req) {
      auto res = inner(req);
      res.body = "wrapped " + res.body;
      return res;
    };
  });
  EXPECT_EQ(call(r, "POST", "/login"), "wrapped login");
  EXPECT_THROW(r.wrap("GET", "/login", [](Handler h) { return h; }), std::invalid_argument);
}
