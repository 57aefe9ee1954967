// The CSRF token belongs to the session: a signed-in browser's token is
// derived from its session, so a token (and cookie) planted by someone else
// does not work for it, and signing in or out gives a new token, so one seen
// before does not work after.
#include <gtest/gtest.h>

#include "casework_support.h"
#include "harness.h"

using namespace madoguchi::testing;

namespace {

std::string token_on(HttpClient& http, const ServerProcess& server, const std::string& page) {
  auto result = http.get(server.url(page), {"Accept: text/html"});
  EXPECT_EQ(result.status, 200) << page;
  return input_value(result.body, "_csrf");
}

HttpResult post_form(HttpClient& http, const ServerProcess& server, const std::string& action, Fields fields,
                     const std::vector<std::string>& headers = {}) {
  auto all = headers;
  all.push_back("Accept: text/html");
  return http.post(server.url(action), form_encode(fields), "application/x-www-form-urlencoded", all);
}

}  // namespace

TEST(Csrf, TheTokenChangesWhenTheBrowserSignsInAndAgainWhenItSignsOut) {
  ServerProcess server;
  add_staff(server, "csrf.clerk", {"counter_clerk"}, {"all"}, {"aoba"});
  HttpClient http;
  const std::string before_sign_in = token_on(http, server, "/staff/login");
  ASSERT_FALSE(before_sign_in.empty());
  auto login = post_form(http, server, "/staff/login",
                         {{"login", "csrf.clerk"}, {"password", kStaffPassword}, {"_csrf", before_sign_in}});
  ASSERT_EQ(login.status, 303) << login.body;

  const std::string signed_in = token_on(http, server, "/staff/logout");
  EXPECT_NE(signed_in, before_sign_in);
  auto stale = post_form(http, server, "/staff/logout", {{"_csrf", before_sign_in}});
  EXPECT_EQ(stale.status, 403) << "a token from before signing in";
  auto logout = post_form(http, server, "/staff/logout", {{"_csrf", signed_in}});
  ASSERT_EQ(logout.status, 303) << logout.body;

  const std::string after_sign_out = token_on(http, server, "/staff/login");
  EXPECT_NE(after_sign_out, signed_in);
  EXPECT_NE(after_sign_out, before_sign_in);
  auto old = post_form(http, server, "/staff/login",
                       {{"login", "csrf.clerk"}, {"password", kStaffPassword}, {"_csrf", signed_in}});
  EXPECT_EQ(old.status, 403) << "a token from the session that ended";
}

TEST(Csrf, ATokenAndCookiePlantedBySomeoneElseDoNotWorkForASignedInBrowser) {
  ServerProcess server;
  add_staff(server, "csrf.victim", {"counter_clerk"}, {"all"}, {"aoba"});
  StaffBrowser victim(server, "csrf.victim");
  const std::string session = victim.http().cookie("mdg_session");
  ASSERT_FALSE(session.empty());

  HttpClient attacker;
  const std::string planted_token = token_on(attacker, server, "/staff/login");
  const std::string planted_cookie = attacker.cookie("mdg_csrf");
  ASSERT_FALSE(planted_cookie.empty());

  HttpClient forged;
  auto result = post_form(forged, server, "/staff/logout", {{"_csrf", planted_token}},
                          {"Cookie: mdg_session=" + session + "; mdg_csrf=" + planted_cookie});
  EXPECT_EQ(result.status, 403) << result.body;
  EXPECT_EQ(victim.get("/staff").status, 200) << "the victim is still signed in";
}
