// Every staff route of case work against every role and scope: a role the
// route does not allow gets 403, a case outside the viewer's department or
// ward gets 403, and each refusal is in the audit log; nobody signed in is
// sent to the staff login. Citizens opening someone else's application are
// refused and audited too.
#include <gtest/gtest.h>

#include "casework_support.h"

using namespace madoguchi::testing;

namespace {

struct Account {
  std::string login;
  std::string role;
  std::string department;
  std::string ward;
};

// Cases are of children_benefits in aoba (青葉区).
const std::vector<Account> kAccounts = {
    {"clerk.aoba", "counter_clerk", "children_benefits", "aoba"},
    {"proc.aoba", "processor", "children_benefits", "aoba"},
    {"proc.taihaku", "processor", "children_benefits", "taihaku"},
    {"proc.civic", "processor", "civic_registry", "all"},
    {"proc.central", "processor", "children_benefits", "all"},
    {"appr.aoba", "approver", "children_benefits", "aoba"},
    {"appr.izumi", "approver", "children_benefits", "izumi"},
    {"admin.children", "department_admin", "children_benefits", "all"},
    {"admin.waste", "department_admin", "environment_waste", "all"},
    {"sysadmin", "system_admin", "all", "all"},
    {"auditor", "auditor", "all", "all"},
};

struct Route {
  std::string method;
  std::string path;  // {ref} is the case's reference, {date} today
  std::vector<std::string> roles;
  bool case_scoped;
};

const std::vector<std::string> kCaseRoles = {"counter_clerk", "processor", "approver", "department_admin"};

const std::vector<Route> kRoutes = {
    {"GET", "/staff/cases", kCaseRoles, false},
    {"GET", "/staff/cases/{ref}", kCaseRoles, true},
    {"GET", "/staff/cases/{ref}/notice.pdf", kCaseRoles, true},
    {"GET", "/staff/cases/{ref}/files/none", kCaseRoles, true},
    {"POST", "/staff/cases/{ref}/claim", {"processor", "department_admin"}, true},
    {"POST", "/staff/cases/{ref}/assign", {"department_admin"}, true},
    {"POST", "/staff/cases/{ref}/notes", {"processor", "approver", "department_admin"}, true},
    {"POST", "/staff/cases/{ref}/correction", {"processor", "department_admin"}, true},
    {"POST", "/staff/cases/{ref}/decision", {"processor", "department_admin"}, true},
    {"POST", "/staff/cases/{ref}/approval", {"processor", "approver", "department_admin"}, true},
    {"GET", "/staff/mail", {"processor", "department_admin"}, false},
    {"GET", "/staff/mail/2026-11-20/batch.pdf", {"processor", "department_admin"}, false},
    {"GET", "/staff/mail/2026-11-20/manifest.csv", {"processor", "department_admin"}, false},
};

bool covers(const Account& a) {
  return a.department == "children_benefits" && (a.ward == "aoba" || a.ward == "all");
}

bool has(const std::vector<std::string>& roles, const std::string& role) {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

std::string with_ref(std::string path, const std::string& reference) {
  auto at = path.find("{ref}");
  if (at != std::string::npos) path.replace(at, 5, reference);
  return path;
}

class CaseworkAccess : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server = new ServerProcess();
    for (const auto& a : kAccounts) add_staff(*server, a.login, {a.role}, {a.department}, {a.ward});
    reference = new std::string(submit_application(*server, "child_allowance",
                                                   child_allowance_in("仙台市青葉区国分町三丁目7番1号")).reference);
  }
  static void TearDownTestSuite() {
    delete reference;
    delete server;
  }
  static ServerProcess* server;
  static std::string* reference;
};
ServerProcess* CaseworkAccess::server = nullptr;
std::string* CaseworkAccess::reference = nullptr;

TEST_F(CaseworkAccess, EveryRoleAndScopeOnEveryStaffRoute) {
  for (const auto& account : kAccounts) {
    StaffBrowser browser(*server, account.login);
    for (const auto& route : kRoutes) {
      const std::string path = with_ref(route.path, *reference);
      SCOPED_TRACE(account.login + " " + route.method + " " + path);
      const bool role_ok = has(route.roles, account.role);
      const bool allowed = role_ok && (!route.case_scoped || covers(account));
      const int denied_before = count_audit(*server, "access_denied", route.case_scoped && role_ok ? *reference : path);
      HttpResult result = route.method == "GET"
                              ? browser.get(path)
                              : browser.post_raw(path, {{"row_version", "1"}, {"seen_event", "0"}, {"note", "確認"}});
      if (allowed) {
        EXPECT_NE(result.status, 403) << result.body.substr(0, 400);
        EXPECT_NE(result.status, 401);
        EXPECT_LT(result.status, 500) << result.body.substr(0, 400);
      } else {
        EXPECT_EQ(result.status, 403) << result.body.substr(0, 400);
        EXPECT_NE(result.body.find(role_ok ? "担当範囲外" : "権限がありません"), std::string::npos)
            << result.body.substr(0, 600);
        EXPECT_EQ(count_audit(*server, "access_denied", route.case_scoped && role_ok ? *reference : path),
                  denied_before + 1);
      }
    }
  }
}

TEST_F(CaseworkAccess, NobodySignedInIsSentToTheStaffLogin) {
  HttpClient http;
  for (const auto& route : kRoutes) {
    if (route.method != "GET") continue;
    auto result = http.get(server->url(with_ref(route.path, *reference)), {"Accept: text/html"});
    EXPECT_EQ(result.status, 303) << route.path;
    EXPECT_EQ(location(result).rfind("/staff/login?next=", 0), 0u) << route.path;
  }
}

TEST_F(CaseworkAccess, AProcessorOfAobaOpeningATaihakuCaseByUrlIsRefusedAndAudited) {
  auto taihaku = submit_application(*server, "child_allowance", child_allowance_in("仙台市太白区長町南3-1-15"));
  StaffBrowser aoba(*server, "proc.aoba");
  auto result = aoba.get("/staff/cases/" + taihaku.reference);
  EXPECT_EQ(result.status, 403);
  EXPECT_NE(result.body.find("この申請は担当範囲外のため表示できません"), std::string::npos);
  bool audited = false;
  for (const auto& row : audit_rows(*server)) {
    if (row.action == "access_denied" && row.subject_id == taihaku.reference && row.actor == "proc.aoba") {
      audited = row.detail.value("reason", "") == "scope" && row.detail.value("ward", "") == "taihaku";
    }
  }
  EXPECT_TRUE(audited);
  StaffBrowser taihaku_processor(*server, "proc.taihaku");
  EXPECT_EQ(taihaku_processor.get("/staff/cases/" + taihaku.reference).status, 200);
}

TEST_F(CaseworkAccess, TheQueueRefusesAWardOutsideTheScope) {
  StaffBrowser aoba(*server, "proc.aoba");
  auto result = aoba.get("/staff/cases?ward=taihaku");
  EXPECT_EQ(result.status, 403);
  EXPECT_EQ(aoba.get("/staff/cases?ward=aoba").status, 200);
  EXPECT_EQ(aoba.get("/staff/cases?status=nonsense").status, 422);
}

TEST_F(CaseworkAccess, ACitizenOpeningAnotherApplicationIsRefusedAndAudited) {
  auto mine = submit_application(*server, "child_allowance", child_allowance_in("仙台市青葉区国分町三丁目7番1号"));
  HttpClient citizen;
  ASSERT_EQ(look_up_status(citizen, *server, mine.reference, mine.status_secret).status, 303);
  EXPECT_EQ(citizen.get(server->url("/status/" + mine.reference + "/correction"), {"Accept: text/html"}).status, 409);
  for (const char* tail : {"/correction", "/notice.pdf"}) {
    auto other = citizen.get(server->url("/status/" + *reference + tail), {"Accept: text/html"});
    EXPECT_EQ(other.status, 403) << tail;
    EXPECT_NE(other.body.find("この申請を表示できません"), std::string::npos);
  }
  int denied = 0;
  for (const auto& row : audit_rows(*server)) {
    if (row.action == "access_denied" && row.subject_id == *reference && row.detail.value("reason", "") == "not_applicant") {
      ++denied;
    }
  }
  EXPECT_EQ(denied, 2);
}

}  // namespace
