// Every role and scope against every staff route, without a server: the
// identity routes are registered on a router and called with a principal
// attached the way the session middleware attaches one.
#include "identity/access_control.h"

#include <gtest/gtest.h>

#include <set>

#include "identity/identity_module.h"
#include "identity/principal.h"
#include "identity/session_middleware.h"
#include "identity_test_support.h"
#include "platform/http/http_error.h"
#include "platform/http/url.h"
#include "platform/web/page_renderer.h"

using namespace madoguchi::identity;
using madoguchi::platform::http::HttpError;
using madoguchi::platform::http::Request;
using madoguchi::platform::http::Response;
using madoguchi::platform::http::Router;

namespace {

struct Site {
  Site()
      : templates(std::filesystem::path(MADOGUCHI_SOURCE_DIR) / "web/templates"),
        messages(std::filesystem::path(MADOGUCHI_SOURCE_DIR) / "web/i18n"),
        pages(templates, messages),
        keys(madoguchi::testing::scratch_dir("keys")),
        module(*s.db, s.outbox, pages, IdentitySettings{keys, "https://madoguchi.example.jp", true}) {
    module.register_routes(router);
  }

  // Calls the route for method and path as `principal`; an HttpError becomes its status.
  Response call(const std::string& method, const std::string& path, std::optional<Principal> principal,
                std::string body = "") {
    auto match = router.match(method, path);
    EXPECT_TRUE(match.route) << method << " " << path;
    Request request;
    request.method = method;
    request.path = path;
    request.target = path;
    request.route = match.route->pattern;
    request.path_params = match.params;
    request.remote_address = "192.0.2.7";
    request.request_id = "req-1";
    request.body = std::move(body);
    request.headers.add("Content-Type", "application/x-www-form-urlencoded");
    attach_session(request, [principal] { return principal; });
    try {
      return match.route->handler(request);
    } catch (const HttpError& e) {
      Response response;
      response.status = e.status();
      response.body = e.code();
      return response;
    }
  }

  int64_t denials() {
    return module.audit().search({"", "access_denied", "", std::nullopt, std::nullopt, 1, 500}).records.size();
  }

  identity_test::Services s;
  madoguchi::platform::web::TemplateEngine templates;
  madoguchi::platform::web::Messages messages;
  madoguchi::platform::web::PageRenderer pages;
  std::filesystem::path keys;
  IdentityModule module;
  Router router;
};

Principal staff_principal(Role role, CodeSet departments, CodeSet wards) {
  StaffUser user;
  user.id = 42;
  user.login = "test." + std::string(role_name(role));
  user.display_name = "髙橋 﨑子";
  user.roles = RoleSet{role};
  user.scope = {std::move(departments), std::move(wards)};
  SessionRecord session;
  session.kind = SessionKind::staff;
  session.principal_id = 42;
  return Principal{session, user, std::nullopt};
}

Principal citizen_principal() {
  SessionRecord session;
  session.kind = SessionKind::citizen;
  session.principal_id = 9;
  return Principal{session, std::nullopt, CitizenAccount{9, "hanako@example.jp", true}};
}

struct StaffRoute {
  std::string method;
  std::string path;
  RoleSet allowed;
};

// Every staff route behind a role check, with the roles that may use it.
std::vector<StaffRoute> staff_routes() {
  RoleSet everyone = any_staff_role();
  RoleSet auditors{Role::auditor, Role::system_admin};
  return {{"GET", "/staff", everyone},          {"GET", "/staff/password", everyone},
          {"POST", "/staff/password", everyone}, {"GET", "/staff/totp", everyone},
          {"POST", "/staff/totp", everyone},     {"GET", "/staff/audit", auditors}};
}

}  // namespace

TEST(AccessControl, TheRouteListCoversEveryGuardedStaffRoute) {
  Site site;
  std::set<std::string> listed;
  for (const auto& r : staff_routes()) listed.insert(r.method + " " + r.path);
  for (const auto* route : site.router.routes()) {
    const std::string& p = route->pattern;
    bool staff = p == "/staff" || p.rfind("/staff/", 0) == 0;
    bool open = p.rfind("/staff/login", 0) == 0 || p == "/staff/logout";
    if (staff && !open) {
      EXPECT_TRUE(listed.count(route->method + " " + p)) << route->method << " " << p;
    }
  }
}

TEST(AccessControl, EveryRoleAndScopeOnEveryStaffRoute) {
  Site site;
  const std::vector<std::pair<CodeSet, CodeSet>> scopes = {
      {CodeSet::all(), CodeSet::all()},
      {CodeSet::of({"civic_registry"}), CodeSet::of({"aoba"})},
      {CodeSet(), CodeSet()}};
  int64_t expected_denials = 0;
  for (const auto& route : staff_routes()) {
    for (Role role : kAllRoles) {
      for (const auto& [departments, wards] : scopes) {
        SCOPED_TRACE(route.method + " " + route.path + " as " + std::string(role_name(role)));
        Response response = site.call(route.method, route.path, staff_principal(role, departments, wards), "action=none");
        if (route.allowed.has(role)) {
          EXPECT_NE(response.status, 403);
          EXPECT_LT(response.status, 500);
          EXPECT_EQ(response.headers.get("Location").value_or("").find("/staff/login"), std::string::npos);
        } else {
          EXPECT_EQ(response.status, 403);
          EXPECT_EQ(response.body, "forbidden_role");
          ++expected_denials;
        }
      }
    }
  }
  EXPECT_GT(expected_denials, 0);
  EXPECT_EQ(site.denials(), expected_denials);
}

TEST(AccessControl, SignedOutOrCitizenGoesToTheStaffSignInWithNext) {
  Site site;
  for (const auto& route : staff_routes()) {
    for (const std::optional<Principal>& who : {std::optional<Principal>(), std::optional<Principal>(citizen_principal())}) {
      Response response = site.call(route.method, route.path, who);
      EXPECT_EQ(response.status, 303) << route.path;
      EXPECT_EQ(response.headers.get("Location").value_or(""),
                "/staff/login?next=" + madoguchi::platform::http::percent_encode(route.path));
    }
  }
  EXPECT_EQ(site.denials(), 0);
}

TEST(AccessControl, ApiCallsGet401InsteadOfARedirect) {
  identity_test::Services s;
  AccessControl access(s.audit);
  auto handler = access.require_staff([](Request&) { return Response::text(200, "ok"); }, {Role::processor});
  Request request;
  request.method = "GET";
  request.path = "/api/v1/staff/cases";
  request.target = request.path;
  attach_session(request, [] { return std::optional<Principal>(); });
  try {
    handler(request);
    FAIL() << "no error";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 401);
  }
  auto citizen_only = access.require_citizen([](Request&) { return Response::text(200, "ok"); });
  Request page;
  page.method = "GET";
  page.path = "/account/applications";
  page.target = "/account/applications?tab=drafts";
  EXPECT_EQ(citizen_only(page).headers.get("Location").value_or(""),
            "/account/login?next=%2Faccount%2Fapplications%3Ftab%3Ddrafts");
  attach_session(page, [] { return std::optional<Principal>(citizen_principal()); });
  EXPECT_EQ(citizen_only(page).status, 200);
}

TEST(AccessControl, OutOfScopeCasesAreRefusedClearlyAndAudited) {
  identity_test::Services s;
  AccessControl access(s.audit);
  Request request;
  request.method = "GET";
  request.path = "/staff/cases/MDG-7K3Q-9XPD";
  request.route = "/staff/cases/{reference}";
  request.remote_address = "192.0.2.7";
  request.request_id = "req-42";
  attach_session(request, [] {
    return std::optional<Principal>(staff_principal(Role::processor, CodeSet::all(), CodeSet::of({"aoba"})));
  });
  EXPECT_EQ(access.require_in_scope(request, "civic_registry", std::string("aoba"), "application", "MDG-7K3Q-9XPC").login,
            "test.processor");
  try {
    access.require_in_scope(request, "civic_registry", std::string("taihaku"), "application", "MDG-7K3Q-9XPD");
    FAIL() << "allowed";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 403);
    EXPECT_EQ(e.code(), "out_of_scope");
    EXPECT_EQ(e.message_ja(), "この申請は担当範囲外のため表示できません。担当の部署・区の職員にご連絡ください。");
  }
  auto denied = s.audit.search({"test.processor", "access_denied", "MDG-7K3Q-9XPD", std::nullopt, std::nullopt, 1, 50});
  ASSERT_EQ(denied.records.size(), 1u);
  const auto& entry = denied.records[0];
  EXPECT_EQ(entry.actor_kind, "staff");
  EXPECT_EQ(entry.subject_type, "application");
  EXPECT_EQ(entry.ip, "192.0.2.7");
  EXPECT_EQ(entry.request_id, "req-42");
  EXPECT_EQ(entry.detail,
            R"({"department":"civic_registry","method":"GET","reason":"scope","route":"/staff/cases/{reference}","ward":"taihaku"})");
}

TEST(AccessControl, DenyRecordsACitizenOpeningAnotherCitizensApplication) {
  identity_test::Services s;
  AccessControl access(s.audit);
  Request request;
  request.method = "GET";
  request.path = "/account/applications/MDG-7K3Q-9XPD";
  attach_session(request, [] { return std::optional<Principal>(citizen_principal()); });
  EXPECT_THROW(access.deny(request, "application", "MDG-7K3Q-9XPD", "not_owner"), HttpError);
  auto denied = s.audit.search({"citizen:9", "access_denied", "MDG-7K3Q-9XPD", std::nullopt, std::nullopt, 1, 50});
  ASSERT_EQ(denied.records.size(), 1u);
  EXPECT_EQ(denied.records[0].actor_kind, "citizen");
}

TEST(AccessControl, SafeNextStaysOnThisSite) {
  EXPECT_EQ(safe_next(std::string("/staff/cases?q=1"), "/staff"), "/staff/cases?q=1");
  EXPECT_EQ(safe_next(std::string("//evil.example/x"), "/staff"), "/staff");
  EXPECT_EQ(safe_next(std::string("/\\evil.example"), "/staff"), "/staff");
  EXPECT_EQ(safe_next(std::string("https://evil.example/"), "/staff"), "/staff");
  EXPECT_EQ(safe_next(std::string("/a\r\nSet-Cookie: x"), "/staff"), "/staff");
  EXPECT_EQ(safe_next(std::nullopt, "/staff"), "/staff");
}

TEST(SessionMiddleware, ResolvesTheCookieOnceAndClearsAStaleOne) {
  identity_test::Services s;
  StaffUser user = s.staff.create(identity_test::new_staff("sato.ichiro", {Role::processor}), identity_test::cli());
  std::string token = s.staff.sign_in("sato.ichiro", "correct horse battery", identity_test::test_client()).session_token;
  auto middleware = session_middleware(s.sessions, s.staff, s.citizens, true);
  int lookups = 0;
  auto handler = [&](Request& request) {
    ++lookups;
    const StaffUser* first = current_staff(request);
    const StaffUser* second = current_staff(request);
    EXPECT_EQ(first, second);
    return Response::text(200, first ? first->display_name : "nobody");
  };
  Request good;
  good.headers.add("Cookie", std::string(kSessionCookie) + "=" + token);
  Response signed_in = middleware(good, handler);
  EXPECT_EQ(signed_in.body, "髙橋 﨑子");
  EXPECT_FALSE(signed_in.headers.has("Set-Cookie"));

  Request stale;
  stale.headers.add("Cookie", std::string(kSessionCookie) + "=no-such-session");
  Response cleared = middleware(stale, handler);
  EXPECT_EQ(cleared.body, "nobody");
  EXPECT_EQ(cleared.headers.get("Set-Cookie").value_or(""), "mdg_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");

  // A disabled account's session no longer signs anyone in.
  s.staff.disable(user.login, identity_test::cli());
  Request after;
  after.headers.add("Cookie", std::string(kSessionCookie) + "=" + token);
  EXPECT_EQ(middleware(after, handler).body, "nobody");
  EXPECT_EQ(lookups, 3);
}

TEST(SessionMiddleware, NewSessionCookiesAreHttpOnlyLaxAndSecureOnHttps) {
  EXPECT_EQ(session_cookie("abc", true), "mdg_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure");
  EXPECT_EQ(session_cookie("abc", false), "mdg_session=abc; Path=/; HttpOnly; SameSite=Lax");
}
