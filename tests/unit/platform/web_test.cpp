#include <gtest/gtest.h>

#include <fstream>

#include "platform/crypto.h"
#include "platform/http/http_error.h"
#include "platform/web/cookies.h"
#include "platform/web/csrf.h"
#include "platform/web/language.h"
#include "platform/web/templates.h"
#include "support/scratch.h"

using namespace madoguchi::platform;
using namespace madoguchi::platform::web;

namespace {
std::filesystem::path temp_dir(const std::string& name) { return madoguchi::testing::scratch_dir(name); }
void write(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << text;
}
}  // namespace

TEST(Templates, EscapesByDefaultAndUsesPartials) {
  auto dir = temp_dir("templates");
  write(dir / "page.mustache", "<h1>{{title}}</h1>{{> parts/list}}{{{trusted}}}");
  write(dir / "parts/list.mustache", "{{#items}}<li>{{.}}</li>{{/items}}");
  TemplateEngine engine(dir);
  auto html = engine.render("page", {{"title", "<script>髙</script>"}, {"items", {"a", "b"}}, {"trusted", "<ruby>x</ruby>"}});
  EXPECT_EQ(html, "<h1>&lt;script&gt;髙&lt;&#x2F;script&gt;</h1><li>a</li><li>b</li><ruby>x</ruby>");
  EXPECT_TRUE(engine.has("parts/list"));
  EXPECT_THROW(engine.render("missing", {}), std::out_of_range);
}

TEST(Templates, RendersNumbersAndBooleans) {
  auto dir = temp_dir("types");
  write(dir / "t.mustache", "{{n}} {{#ok}}yes{{/ok}}{{^no}}none{{/no}}");
  TemplateEngine engine(dir);
  EXPECT_EQ(engine.render("t", {{"n", 300}, {"ok", true}, {"no", false}}), "300 yesnone");
}

TEST(Messages, FallsBackToJapanese) {
  auto dir = temp_dir("i18n");
  write(dir / "ja/home.yaml", "title: ホーム\nonly_ja: 日本語だけ\n");
  write(dir / "en/home.yaml", "title: Home\n");
  write(dir / "easy/home.yaml", "title: はじめの ページ\n");
  Messages m(dir);
  EXPECT_EQ(m.text(Language::en, "home.title"), "Home");
  EXPECT_EQ(m.text(Language::en, "home.only_ja"), "日本語だけ");
  EXPECT_EQ(m.text(Language::easy, "home.title"), "はじめの ページ");
  EXPECT_EQ(m.text(Language::ja, "no.such"), "no.such");
  EXPECT_EQ(m.catalogue(Language::en)["home"]["only_ja"], "日本語だけ");
}

TEST(Messages, MalformedFileIsNamedWithLine) {
  auto dir = temp_dir("i18n-malformed");
  write(dir / "ja/home.yaml", "a: b\n");
  write(dir / "en/home.yaml", "a: b\nc: [unclosed\n");
  try {
    Messages m(dir);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("en/home.yaml:"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Messages(temp_dir("i18n-empty")), std::runtime_error);
}

TEST(Language, QueryThenCookieThenAcceptLanguage) {
  auto run = [](http::Request r) {
    Language seen = Language::ja;
    auto response = language_middleware(false)(r, [&](http::Request& req) {
      seen = request_language(req);
      return http::Response::text(200, "");
    });
    return std::make_pair(seen, std::string(response.headers.get("Set-Cookie").value_or("")));
  };
  http::Request q;
  q.query = "lang=easy";
  q.headers.add("Cookie", "lang=en");
  auto [lang, cookie] = run(q);
  EXPECT_EQ(lang, Language::easy);
  EXPECT_NE(cookie.find("lang=easy"), std::string::npos);
  http::Request c;
  c.headers.add("Cookie", "lang=en");
  EXPECT_EQ(run(c).first, Language::en);
  http::Request a;
  a.headers.add("Accept-Language", "en-US,en;q=0.9");
  EXPECT_EQ(run(a).first, Language::en);
  http::Request none;
  EXPECT_EQ(run(none).first, Language::ja);
}

TEST(Cookies, SafeDefaults) {
  CookieOptions o;
  o.secure = true;
  o.max_age_seconds = 60;
  EXPECT_EQ(set_cookie("s", "v", o), "s=v; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure");
}

class CsrfTest : public ::testing::Test {
 protected:
  void SetUp() override { crypto::init(); }
  Csrf csrf{crypto::random_bytes(32), false, "mdg_session"};

  http::Response run(http::Request& r) {
    return csrf.middleware()(r, [](http::Request& req) { return http::Response::text(200, Csrf::token(req)); });
  }
  // A GET gives the cookie and the token that goes with it.
  std::pair<std::string, std::string> cookie_and_token() {
    http::Request get;
    get.method = "GET";
    auto response = run(get);
    std::string set = std::string(response.headers.get("Set-Cookie").value());
    return {set.substr(0, set.find(';')), response.body};
  }
};

TEST_F(CsrfTest, FormPostWithMatchingTokenPasses) {
  auto [cookie, token] = cookie_and_token();
  http::Request post;
  post.method = "POST";
  post.path = "/apply";
  post.route = "/apply";
  post.headers.add("Cookie", cookie);
  post.headers.add("Content-Type", "application/x-www-form-urlencoded");
  post.body = "name=x&_csrf=" + token;
  EXPECT_EQ(run(post).status, 200);
}

TEST_F(CsrfTest, MissingOrWrongTokenIs403) {
  auto [cookie, token] = cookie_and_token();
  http::Request missing;
  missing.method = "POST";
  missing.path = "/apply";
  missing.route = "/apply";
  missing.headers.add("Cookie", cookie);
  missing.headers.add("Content-Type", "application/x-www-form-urlencoded");
  missing.body = "name=x";
  EXPECT_THROW(run(missing), http::HttpError);
  http::Request no_cookie;
  no_cookie.method = "POST";
  no_cookie.path = "/apply";
  no_cookie.route = "/apply";
  no_cookie.headers.add("Content-Type", "application/x-www-form-urlencoded");
  no_cookie.body = "_csrf=" + token;
  EXPECT_THROW(run(no_cookie), http::HttpError);
}

TEST_F(CsrfTest, JsonAndSessionlessApiCallsAreExempt) {
  http::Request json;
  json.method = "POST";
  json.path = "/api/v1/x";
  json.route = "/api/v1/x";
  json.headers.add("Content-Type", "application/json");
  EXPECT_EQ(run(json).status, 200);
  http::Request upload;
  upload.method = "POST";
  upload.path = "/api/v1/uploads";
  upload.route = "/api/v1/uploads";
  upload.headers.add("Content-Type", "multipart/form-data; boundary=x");
  EXPECT_EQ(run(upload).status, 200);
  upload.headers.add("Cookie", "mdg_session=abc");
  EXPECT_THROW(run(upload), http::HttpError);
}

// The token of a signed-in browser is derived from its session: it does not
// work with another session, and a visitor's token does not work once a
// session cookie is sent.
TEST_F(CsrfTest, ASignedInBrowsersTokenWorksOnlyWithItsOwnSession) {
  auto post_with = [&](const std::string& cookies, const std::string& token) {
    http::Request post;
    post.method = "POST";
    post.path = "/staff/logout";
    post.route = "/staff/logout";
    post.headers.add("Cookie", cookies);
    post.headers.add("Content-Type", "application/x-www-form-urlencoded");
    post.body = "_csrf=" + token;
    return run(post).status;
  };
  auto [visitor_cookie, visitor_token] = cookie_and_token();
  EXPECT_EQ(post_with("mdg_session=session-a-0123456789", csrf.token_for_session("session-a-0123456789")), 200);
  EXPECT_THROW(post_with("mdg_session=session-b-0123456789", csrf.token_for_session("session-a-0123456789")),
               http::HttpError);
  EXPECT_THROW(post_with("mdg_session=session-a-0123456789; " + visitor_cookie, visitor_token), http::HttpError);
  EXPECT_EQ(post_with(visitor_cookie, visitor_token), 200);
}

// A response that signs in or out (sets the session cookie, hands out no
// token) also gives the browser a new pre-session id.
TEST_F(CsrfTest, SigningInOrOutGivesANewPreSessionId) {
  auto [visitor_cookie, visitor_token] = cookie_and_token();
  http::Request login;
  login.method = "POST";
  login.path = "/staff/login";
  login.route = "/staff/login";
  login.headers.add("Cookie", visitor_cookie);
  login.headers.add("Content-Type", "application/x-www-form-urlencoded");
  login.body = "_csrf=" + visitor_token;
  auto response = csrf.middleware()(login, [](http::Request&) {
    auto r = http::Response::redirect("/staff");
    r.headers.add("Set-Cookie", "mdg_session=new-session-token; Path=/; HttpOnly");
    return r;
  });
  std::string fresh;
  for (const auto& [name, value] : response.headers.fields()) {
    if (name == "Set-Cookie" && value.rfind("mdg_csrf=", 0) == 0) fresh = value.substr(0, value.find(';'));
  }
  EXPECT_FALSE(fresh.empty());
  EXPECT_NE(fresh, visitor_cookie);
}

// A session cookie the session middleware found stale gets visitor tokens,
// so the form on the page it shows still works once the cookie is cleared.
TEST(CsrfStaleSession, AStaleSessionCookieGetsAVisitorToken) {
  crypto::init();
  Csrf csrf{crypto::random_bytes(32), false, "mdg_session", [](const http::Request&) { return false; }};
  http::Request get;
  get.method = "GET";
  get.headers.add("Cookie", "mdg_session=expired-session-token");
  auto response = csrf.middleware()(get, [](http::Request& r) { return http::Response::text(200, Csrf::token(r)); });
  std::string set = std::string(response.headers.get("Set-Cookie").value());
  ASSERT_EQ(set.rfind("mdg_csrf=", 0), 0u);
  std::string visitor = set.substr(9, set.find(';') - 9);
  EXPECT_EQ(response.body, csrf.token_for_visitor(visitor));
}
