// Identity against the real binary: staff accounts made with `madoguchi user`,
// sign-in through the real forms (CSRF included), lockout, TOTP, roles on
// every staff route, the audit log and `madoguchi audit verify` on a clean
// and a tampered database, and a citizen who registers, confirms the address
// from the mail in the outbox, and signs in.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "harness.h"
#include "identity/totp.h"
#include "platform/db/connection.h"
#include "platform/http/url.h"
#include "platform/time.h"

using namespace madoguchi::testing;
using madoguchi::platform::db::Connection;

namespace {

const std::string kPassword = "correct horse battery";

std::string encode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [k, v] : fields) {
    body += (body.empty() ? "" : "&") + madoguchi::platform::http::percent_encode(k) + "=" +
            madoguchi::platform::http::percent_encode(v);
  }
  return body;
}

std::string csrf_in(const std::string& html) {
  static const std::regex field(R"re(name="_csrf" value="([^"]+)")re");
  std::smatch m;
  return std::regex_search(html, m, field) ? m[1].str() : "";
}

// GETs the form page for its CSRF token, then posts the fields with it.
HttpResult submit(HttpClient& http, const ServerProcess& server, const std::string& form_page, const std::string& action,
                  std::vector<std::pair<std::string, std::string>> fields) {
  auto page = http.get(server.url(form_page), {"Accept: text/html"});
  EXPECT_EQ(page.status, 200) << form_page << "\n" << page.body;
  fields.emplace_back("_csrf", csrf_in(page.body));
  return http.post(server.url(action), encode(fields), "application/x-www-form-urlencoded", {"Accept: text/html"});
}

HttpResult staff_login(HttpClient& http, const ServerProcess& server, const std::string& login,
                       const std::string& password) {
  return submit(http, server, "/staff/login", "/staff/login", {{"login", login}, {"password", password}});
}

void add_staff(const ServerProcess& server, const std::string& login, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"user", "add", "--login", login, "--name",
                                   "髙橋 﨑子", "--password-stdin"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto [code, output] = server.command(args, kPassword + "\n");
  ASSERT_EQ(code, 0) << output;
}

// The text of the error summary, which must not differ between reasons for a refused sign-in.
std::string summary(const std::string& html) {
  auto start = html.find("error-summary");
  auto end = html.find("</div>", start);
  return start == std::string::npos ? "" : html.substr(start, end - start);
}

std::string location(const HttpResult& r) { return r.header("location"); }

struct Mail {
  std::string category;
  std::string body;
};

std::vector<Mail> outbox(const ServerProcess& server, const std::string& recipient) {
  auto db = server.database();
  std::vector<Mail> mails;
  for (const auto& row :
       db->query("SELECT category, text_body FROM notify_email_outbox WHERE recipient = ? ORDER BY id", {recipient})) {
    mails.push_back({row.text(0), row.text(1)});
  }
  return mails;
}

// The path of the link under `prefix` in a mail, e.g. /account/verify/<token>.
std::string link_path(const Mail& mail, const std::string& prefix) {
  auto at = mail.body.find(prefix);
  if (at == std::string::npos) return "";
  return mail.body.substr(at, mail.body.find('\n', at) - at);
}

}  // namespace

class IdentityStaff : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new ServerProcess();
    add_staff(*server, "admin.sendai", {"--role", "system_admin"});
  }
  static void TearDownTestSuite() { delete server; }
  static ServerProcess* server;
  HttpClient http;
};
ServerProcess* IdentityStaff::server = nullptr;

TEST_F(IdentityStaff, SystemAdminSignsInSeesTheMenuAndSignsOut) {
  auto form = http.get(server->url("/staff/login"), {"Accept: text/html"});
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("autocomplete=\"username\""), std::string::npos);
  EXPECT_NE(form.body.find("autocomplete=\"current-password\""), std::string::npos);
  EXPECT_NE(form.body.find("<label for=\"login\">"), std::string::npos);

  auto login = staff_login(http, *server, "admin.sendai", kPassword);
  EXPECT_EQ(login.status, 303) << login.body;
  EXPECT_EQ(location(login), "/staff");
  std::string cookie = login.header("set-cookie");
  EXPECT_EQ(cookie.rfind("mdg_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);

  auto home = http.get(server->url("/staff"), {"Accept: text/html"});
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("髙橋 﨑子"), std::string::npos);
  EXPECT_NE(home.body.find("システム管理者"), std::string::npos);
  EXPECT_NE(home.body.find("account-nav"), std::string::npos);

  auto logout = submit(http, *server, "/staff/logout", "/staff/logout", {});
  EXPECT_EQ(logout.status, 303);
  EXPECT_EQ(location(logout), "/staff/login?notice=signed_out");
  auto after = http.get(server->url("/staff"), {"Accept: text/html"});
  EXPECT_EQ(after.status, 303);
  EXPECT_EQ(location(after), "/staff/login?next=%2Fstaff");
}

TEST_F(IdentityStaff, EachSignInGetsANewSessionTokenAndSignOutEndsIt) {
  ASSERT_EQ(staff_login(http, *server, "admin.sendai", kPassword).status, 303);
  std::string first = http.cookie("mdg_session");
  ASSERT_EQ(submit(http, *server, "/staff/logout", "/staff/logout", {}).status, 303);
  ASSERT_EQ(staff_login(http, *server, "admin.sendai", kPassword).status, 303);
  std::string second = http.cookie("mdg_session");
  EXPECT_FALSE(first.empty());
  EXPECT_NE(first, second);
  // The first token no longer signs anyone in, even when sent by hand.
  HttpClient other;
  auto replay = other.request("GET", server->url("/staff"), "", {"Cookie: mdg_session=" + first, "Accept: text/html"});
  EXPECT_EQ(replay.status, 303);
  EXPECT_NE(replay.header("set-cookie").find("mdg_session=; Path=/; Max-Age=0"), std::string::npos);
  auto current = other.request("GET", server->url("/staff"), "", {"Cookie: mdg_session=" + second, "Accept: text/html"});
  EXPECT_EQ(current.status, 200);
}

TEST_F(IdentityStaff, FiveWrongPasswordsLockTheAccountWithoutSayingSo) {
  add_staff(*server, "lock.test", {"--role", "processor", "--department", "civic_registry", "--ward", "aoba"});
  std::string wrong_summary;
  for (int i = 0; i < 5; ++i) {
    auto r = staff_login(http, *server, "lock.test", "not the password");
    EXPECT_EQ(r.status, 422);
    wrong_summary = summary(r.body);
  }
  EXPECT_NE(wrong_summary.find("ログイン名またはパスワードが正しくありません"), std::string::npos);
  EXPECT_NE(wrong_summary.find("href=\"#login\""), std::string::npos);
  auto locked = staff_login(http, *server, "lock.test", kPassword);
  EXPECT_EQ(locked.status, 422);
  EXPECT_TRUE(http.cookie("mdg_session").empty());
  auto unknown = staff_login(http, *server, "no.such.user", kPassword);
  // Locked, unknown and wrong all read the same.
  EXPECT_EQ(summary(locked.body), wrong_summary);
  EXPECT_EQ(summary(unknown.body), wrong_summary);
  // The typed login name stays in the form (not the password).
  EXPECT_NE(locked.body.find("value=\"lock.test\""), std::string::npos);
  EXPECT_EQ(locked.body.find(kPassword), std::string::npos);
}

// Behind the city's proxy each client has its own address: a stranger who
// posts five wrong passwords for a login is locked out of it, and the staff
// member it belongs to still signs in from their own desk. Locked, unknown
// and wrong read the same to the stranger.
TEST(IdentityLockout, WrongPasswordsFromAStrangerDoNotLockTheStaffMemberOut) {
  ServerOptions options;
  options.environment = {{"MADOGUCHI_SERVER_TRUSTED_PROXIES", "127.0.0.1"}};
  ServerProcess server(options);
  add_staff(server, "lock.owner", {"--role", "processor", "--department", "civic_registry", "--ward", "aoba"});
  auto login_from = [&](HttpClient& http, const std::string& address, const std::string& login,
                        const std::string& password) {
    const std::string forwarded = "X-Forwarded-For: " + address;
    auto page = http.get(server.url("/staff/login"), {"Accept: text/html", forwarded});
    return http.post(server.url("/staff/login"),
                     encode({{"login", login}, {"password", password}, {"_csrf", csrf_in(page.body)}}),
                     "application/x-www-form-urlencoded", {"Accept: text/html", forwarded});
  };
  HttpClient stranger;
  std::string wrong;
  for (int i = 0; i < 5; ++i) {
    auto r = login_from(stranger, "203.0.113.66", "lock.owner", "not the password");
    EXPECT_EQ(r.status, 422);
    wrong = summary(r.body);
  }
  auto locked = login_from(stranger, "203.0.113.66", "lock.owner", kPassword);
  EXPECT_EQ(locked.status, 422);
  auto unknown = login_from(stranger, "203.0.113.66", "no.such.user", kPassword);
  EXPECT_EQ(summary(locked.body), wrong);
  EXPECT_EQ(summary(unknown.body), wrong);

  HttpClient owner;
  auto signed_in = login_from(owner, "198.51.100.7", "lock.owner", kPassword);
  EXPECT_EQ(signed_in.status, 303) << signed_in.body;
}

TEST_F(IdentityStaff, MissingFieldsAreNamedInTheErrorSummary) {
  auto r = submit(http, *server, "/staff/login", "/staff/login", {{"login", ""}, {"password", ""}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("href=\"#login\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#password\""), std::string::npos);
  EXPECT_NE(r.body.find("aria-invalid=\"true\""), std::string::npos);
  auto english = submit(http, *server, "/staff/login?lang=en", "/staff/login", {{"login", ""}, {"password", ""}});
  EXPECT_NE(english.body.find("Enter your login name."), std::string::npos);
}

TEST_F(IdentityStaff, PostsWithoutTheCsrfTokenAreRefused) {
  http.get(server->url("/staff/login"));
  auto r = http.post(server->url("/staff/login"), encode({{"login", "admin.sendai"}, {"password", kPassword}}),
                     "application/x-www-form-urlencoded", {"Accept: text/html"});
  EXPECT_EQ(r.status, 403);
}

TEST_F(IdentityStaff, EveryRoleOnEveryStaffRoute) {
  const std::vector<std::string> roles = {"counter_clerk", "processor", "approver",
                                          "department_admin", "system_admin", "auditor"};
  const std::vector<std::vector<std::string>> scopes = {
      {"--department", "all", "--ward", "all"},
      {"--department", "civic_registry", "--ward", "aoba"},
      {"--department", "finance_tax", "--ward", "taihaku", "--ward", "izumi"}};
  const std::map<std::string, std::vector<std::string>> allowed = {
      {"/staff", roles}, {"/staff/password", roles}, {"/staff/totp", roles}, {"/staff/audit", {"system_admin", "auditor"}}};
  for (size_t i = 0; i < roles.size(); ++i) {
    const std::string login = "role." + roles[i];
    std::vector<std::string> extra = {"--role", roles[i]};
    const auto& scope = scopes[i % scopes.size()];
    extra.insert(extra.end(), scope.begin(), scope.end());
    add_staff(*server, login, extra);
    HttpClient browser;
    ASSERT_EQ(staff_login(browser, *server, login, kPassword).status, 303) << login;
    for (const auto& [path, who] : allowed) {
      bool may = std::find(who.begin(), who.end(), roles[i]) != who.end();
      auto r = browser.get(server->url(path), {"Accept: text/html"});
      EXPECT_EQ(r.status, may ? 200 : 403) << roles[i] << " " << path;
      if (!may) {
        EXPECT_NE(r.body.find("権限がありません"), std::string::npos);
      }
    }
  }
  // Every refusal is in the audit log.
  HttpClient auditor;
  ASSERT_EQ(staff_login(auditor, *server, "role.auditor", kPassword).status, 303);
  auto log = auditor.get(server->url("/staff/audit?action=access_denied"), {"Accept: text/html"});
  EXPECT_EQ(log.status, 200);
  for (const char* who : {"role.counter_clerk", "role.processor", "role.approver", "role.department_admin"}) {
    EXPECT_NE(log.body.find(who), std::string::npos) << who;
  }
}

TEST_F(IdentityStaff, AuditorsSearchTheLogAndTheSearchIsAudited) {
  add_staff(*server, "audit.reader", {"--role", "auditor"});
  HttpClient admin;
  ASSERT_EQ(staff_login(admin, *server, "admin.sendai", kPassword).status, 303);
  ASSERT_EQ(staff_login(http, *server, "audit.reader", kPassword).status, 303);
  auto page = http.get(server->url("/staff/audit?actor=admin.sendai&action=staff_login"), {"Accept: text/html"});
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<code>staff_login</code>"), std::string::npos);
  EXPECT_EQ(page.body.find("<code>staff_user_created</code>"), std::string::npos);
  auto bad = http.get(server->url("/staff/audit?from=2025-13-01"), {"Accept: text/html"});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("href=\"#from\""), std::string::npos);
  auto searches = http.get(server->url("/staff/audit?actor=audit.reader&action=audit_searched"), {"Accept: text/html"});
  EXPECT_NE(searches.body.find("<code>audit_searched</code>"), std::string::npos);
}

TEST_F(IdentityStaff, PasswordChangeEndsOtherSessions) {
  add_staff(*server, "change.me", {"--role", "processor"});
  HttpClient other_device;
  ASSERT_EQ(staff_login(other_device, *server, "change.me", kPassword).status, 303);
  ASSERT_EQ(staff_login(http, *server, "change.me", kPassword).status, 303);
  auto mismatch = submit(http, *server, "/staff/password", "/staff/password",
                         {{"current_password", kPassword}, {"new_password", "a brand new secret"}, {"confirm_password", "different"}});
  EXPECT_EQ(mismatch.status, 422);
  EXPECT_NE(mismatch.body.find("href=\"#confirm_password\""), std::string::npos);
  auto changed = submit(http, *server, "/staff/password", "/staff/password",
                        {{"current_password", kPassword},
                         {"new_password", "a brand new secret"},
                         {"confirm_password", "a brand new secret"}});
  EXPECT_EQ(changed.status, 303);
  EXPECT_EQ(location(changed), "/staff?notice=password_changed");
  auto home = http.get(server->url(location(changed)), {"Accept: text/html"});
  EXPECT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("パスワードを変更しました"), std::string::npos);
  EXPECT_EQ(other_device.get(server->url("/staff"), {"Accept: text/html"}).status, 303);
}

TEST_F(IdentityStaff, TotpSetupShowsAQrCodeAndThenSignInAsksForACode) {
  add_staff(*server, "totp.user", {"--role", "approver"});
  ASSERT_EQ(staff_login(http, *server, "totp.user", kPassword).status, 303);
  auto start = submit(http, *server, "/staff/totp", "/staff/totp", {{"action", "start"}});
  ASSERT_EQ(start.status, 303);
  auto setup = http.get(server->url("/staff/totp"), {"Accept: text/html"});
  ASSERT_EQ(setup.status, 200);
  EXPECT_NE(setup.body.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_EQ(setup.body.find("style="), std::string::npos);
  EXPECT_NE(setup.body.find("autocomplete=\"one-time-code\""), std::string::npos);
  static const std::regex secret_text(R"re(id="totp-secret">([A-Z2-7 ]+)<)re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(setup.body, m, secret_text)) << setup.body;
  auto secret = madoguchi::identity::base32_decode(m[1].str());
  ASSERT_TRUE(secret);
  const auto now = madoguchi::platform::Clock::now();
  const int64_t step = madoguchi::identity::totp_step(now);
  auto confirm = submit(http, *server, "/staff/totp", "/staff/totp",
                        {{"action", "confirm"}, {"code", madoguchi::identity::totp_at(*secret, step)}});
  ASSERT_EQ(confirm.status, 303) << confirm.body;
  EXPECT_EQ(location(confirm), "/staff?notice=totp_enabled");

  HttpClient browser;
  auto password_step = staff_login(browser, *server, "totp.user", kPassword);
  ASSERT_EQ(password_step.status, 303);
  EXPECT_EQ(location(password_step), "/staff/login/code?next=%2Fstaff");
  // Not signed in yet.
  EXPECT_EQ(browser.get(server->url("/staff"), {"Accept: text/html"}).status, 303);
  // The code already used to confirm is refused; the next step's code is accepted.
  auto replay = submit(browser, *server, "/staff/login/code?next=%2Fstaff", "/staff/login/code",
                       {{"code", madoguchi::identity::totp_at(*secret, step)}, {"next", "/staff"}});
  EXPECT_EQ(replay.status, 422);
  auto code = submit(browser, *server, "/staff/login/code?next=%2Fstaff", "/staff/login/code",
                     {{"code", madoguchi::identity::totp_at(*secret, step + 1)}, {"next", "/staff"}});
  EXPECT_EQ(code.status, 303) << code.body;
  EXPECT_EQ(location(code), "/staff");
  EXPECT_EQ(browser.get(server->url("/staff"), {"Accept: text/html"}).status, 200);
}

TEST_F(IdentityStaff, CommandLineListsDisablesAndGeneratesPasswords) {
  auto [code, output] = server->command(
      {"user", "add", "--login", "Generated.User", "--name", "佐藤 一郎",
       "--role", "counter_clerk", "--ward", "aoba", "--department", "all"});
  ASSERT_EQ(code, 0) << output;
  std::smatch m;
  static const std::regex password_line(R"re(\n([A-Za-z0-9_-]{24})\n)re");
  ASSERT_TRUE(std::regex_search(output, m, password_line)) << output;
  EXPECT_EQ(staff_login(http, *server, "generated.user", m[1].str()).status, 303);

  auto [list_code, list] = server->command({"user", "list"});
  EXPECT_EQ(list_code, 0);
  EXPECT_NE(list.find("generated.user\t佐藤 一郎\tcounter_clerk\tall\taoba\tactive\toff"), std::string::npos) << list;

  auto [bad_code, bad] = server->command({"user", "add", "--login", "x.y", "--name", "x", "--role", "processor", "--ward", "sapporo"});
  EXPECT_EQ(bad_code, 1);
  EXPECT_NE(bad.find("sapporo"), std::string::npos);
  auto [weak_code, weak] = server->command(
      {"user", "add", "--login", "weak.user", "--name", "x", "--role", "processor", "--password-stdin"},
      "short\n");
  EXPECT_EQ(weak_code, 1);
  EXPECT_NE(weak.find("12文字以上"), std::string::npos) << weak;

  auto [disable_code, disabled] =
      server->command({"user", "disable", "--login", "generated.user"});
  EXPECT_EQ(disable_code, 0) << disabled;
  EXPECT_EQ(http.get(server->url("/staff"), {"Accept: text/html"}).status, 303);
  EXPECT_EQ(staff_login(http, *server, "generated.user", m[1].str()).status, 422);
}

class IdentityAudit : public ::testing::Test {};

TEST_F(IdentityAudit, VerifyPassesOnACleanLogAndFailsOnATamperedOne) {
  ServerProcess server;
  add_staff(server, "admin.sendai", {"--role", "system_admin"});
  HttpClient http;
  ASSERT_EQ(staff_login(http, server, "admin.sendai", kPassword).status, 303);
  HttpClient other;
  ASSERT_EQ(staff_login(other, server, "admin.sendai", "wrong password").status, 422);
  auto [ok_code, ok] = server.command({"audit", "verify"});
  EXPECT_EQ(ok_code, 0) << ok;
  EXPECT_NE(ok.find("audit log OK: 3 entries"), std::string::npos) << ok;

  {
    // Someone with the database file rewrites who signed in, bypassing the triggers.
    auto raw = server.database();
    drop_guard_trigger(*raw, "audit_log_no_update", "audit_log");
    raw->execute("UPDATE audit_log SET actor = 'someone.else' WHERE seq = 2");
  }
  auto [bad_code, bad] = server.command({"audit", "verify"});
  EXPECT_EQ(bad_code, 1);
  EXPECT_NE(bad.find("entry 2 (altered)"), std::string::npos) << bad;
}

TEST_F(IdentityAudit, VerifyFailsWhenAnEntryIsDeleted) {
  ServerProcess server;
  add_staff(server, "admin.sendai", {"--role", "system_admin"});
  HttpClient http;
  ASSERT_EQ(staff_login(http, server, "admin.sendai", kPassword).status, 303);
  ASSERT_EQ(submit(http, server, "/staff/logout", "/staff/logout", {}).status, 303);
  {
    auto raw = server.database();
    drop_guard_trigger(*raw, "audit_log_no_delete", "audit_log");
    raw->execute("DELETE FROM audit_log WHERE seq = 2");
  }
  auto [code, output] = server.command({"audit", "verify"});
  EXPECT_EQ(code, 1);
  EXPECT_NE(output.find("entry 2 (deleted)"), std::string::npos) << output;
}

class IdentityCitizen : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new ServerProcess(); }
  static void TearDownTestSuite() { delete server; }
  static ServerProcess* server;
  HttpClient http;
};
ServerProcess* IdentityCitizen::server = nullptr;

TEST_F(IdentityCitizen, RegistersConfirmsTheAddressFromTheMailAndSignsIn) {
  const std::string email = "hanako.sendai@example.jp";
  auto registered = submit(http, *server, "/account/register", "/account/register",
                           {{"email", "Hanako.Sendai@Example.jp"}, {"password", "tanabata-2025"}, {"confirm_password", "tanabata-2025"}});
  EXPECT_EQ(registered.status, 303) << registered.body;
  EXPECT_EQ(location(registered), "/account/register/sent");

  auto mails = outbox(*server, email);
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_EQ(mails[0].category, "verification");
  std::string verify = link_path(mails[0], "/account/verify/");
  ASSERT_FALSE(verify.empty()) << mails[0].body;

  auto early = submit(http, *server, "/account/login", "/account/login", {{"email", email}, {"password", "tanabata-2025"}});
  EXPECT_EQ(early.status, 422);
  EXPECT_NE(early.body.find("メールアドレスの確認が済んでいません"), std::string::npos);

  auto confirmed = http.get(server->url(verify), {"Accept: text/html"});
  EXPECT_EQ(confirmed.status, 303);
  EXPECT_EQ(location(confirmed), "/account/login?notice=verified");
  EXPECT_EQ(http.get(server->url(verify), {"Accept: text/html"}).status, 410);

  auto signed_in = submit(http, *server, "/account/login?next=%2Faccount%2Fforgot", "/account/login",
                          {{"email", email}, {"password", "tanabata-2025"}, {"next", "/account/forgot"}});
  EXPECT_EQ(signed_in.status, 303) << signed_in.body;
  EXPECT_EQ(location(signed_in), "/account/forgot");
  auto page = http.get(server->url("/account/forgot"), {"Accept: text/html"});
  EXPECT_NE(page.body.find("account-nav"), std::string::npos);
  EXPECT_NE(page.body.find(email), std::string::npos);

  auto logout = submit(http, *server, "/account/logout", "/account/logout", {});
  EXPECT_EQ(location(logout), "/account/login?notice=signed_out");
  EXPECT_EQ(http.get(server->url("/account/logout"), {"Accept: text/html"}).status, 303);
}

TEST_F(IdentityCitizen, RegisteringAKnownAddressLooksTheSameAndChangesNothing) {
  const std::string email = "taro@example.jp";
  auto first = submit(http, *server, "/account/register", "/account/register",
                      {{"email", email}, {"password", "tanabata-2025"}, {"confirm_password", "tanabata-2025"}});
  ASSERT_EQ(http.get(server->url(link_path(outbox(*server, email)[0], "/account/verify/"))).status, 303);
  auto second = submit(http, *server, "/account/register", "/account/register",
                       {{"email", email}, {"password", "another-pass-1"}, {"confirm_password", "another-pass-1"}});
  EXPECT_EQ(first.status, 303);
  EXPECT_EQ(first.status, second.status);
  EXPECT_EQ(location(first), location(second));
  // No second confirmation link goes out (the owner may get a note instead, at most one per two minutes).
  int links = 0;
  for (const auto& mail : outbox(*server, email)) {
    EXPECT_TRUE(mail.category == "verification" || mail.category == "account_notice") << mail.category;
    links += mail.category == "verification";
  }
  EXPECT_EQ(links, 1);
  // And the password did not change.
  auto login = submit(http, *server, "/account/login", "/account/login", {{"email", email}, {"password", "tanabata-2025"}});
  EXPECT_EQ(login.status, 303);
}

TEST_F(IdentityCitizen, BadInputIsNamedFieldByField) {
  auto r = submit(http, *server, "/account/register", "/account/register",
                  {{"email", "not-an-address"}, {"password", "short"}, {"confirm_password", "short"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("href=\"#email\""), std::string::npos);
  EXPECT_NE(r.body.find("href=\"#password\""), std::string::npos);
  EXPECT_NE(r.body.find("10文字以上"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"not-an-address\""), std::string::npos);
  auto easy = submit(http, *server, "/account/register?lang=easy", "/account/register",
                     {{"email", ""}, {"password", ""}, {"confirm_password", ""}});
  EXPECT_NE(easy.body.find("メールアドレスを かいて ください。"), std::string::npos);
}

TEST_F(IdentityCitizen, ForgottenPasswordIsResetByTheMailedLinkOnce) {
  const std::string email = "jiro@example.jp";
  submit(http, *server, "/account/register", "/account/register",
         {{"email", email}, {"password", "tanabata-2025"}, {"confirm_password", "tanabata-2025"}});
  ASSERT_EQ(http.get(server->url(link_path(outbox(*server, email)[0], "/account/verify/"))).status, 303);

  auto unknown = submit(http, *server, "/account/forgot", "/account/forgot", {{"email", "nobody@example.jp"}});
  auto known = submit(http, *server, "/account/forgot", "/account/forgot", {{"email", email}});
  EXPECT_EQ(unknown.status, 303);
  EXPECT_EQ(location(unknown), location(known));
  auto mails = outbox(*server, email);
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[1].category, "password_reset");
  std::string link = link_path(mails[1], "/account/reset/");

  auto opened = http.get(server->url(link), {"Accept: text/html"});
  EXPECT_EQ(opened.status, 303);
  EXPECT_EQ(location(opened), "/account/reset");
  EXPECT_NE(opened.header("set-cookie").find("Path=/account/reset"), std::string::npos);
  EXPECT_EQ(http.get(server->url(link), {"Accept: text/html"}).status, 410);  // the link is spent

  auto reset = submit(http, *server, "/account/reset", "/account/reset",
                      {{"password", "new-tanabata-9"}, {"confirm_password", "new-tanabata-9"}});
  EXPECT_EQ(reset.status, 303) << reset.body;
  EXPECT_EQ(location(reset), "/account/login?notice=password_reset");
  auto login = submit(http, *server, "/account/login", "/account/login",
                      {{"email", email}, {"password", "new-tanabata-9"}, {"next", "/account/forgot"}});
  EXPECT_EQ(login.status, 303);
  EXPECT_EQ(location(login), "/account/forgot");
}
