#include "casework_support.h"

#include <regex>

#include <gtest/gtest.h>

#include "fixtures.h"
#include "platform/db/connection.h"
#include "platform/http/url.h"

namespace madoguchi::testing {

using platform::db::Connection;

std::string form_encode(const Fields& fields) {
  std::string body;
  for (const auto& [k, v] : fields) {
    body += (body.empty() ? "" : "&") + platform::http::percent_encode(k) + "=" + platform::http::percent_encode(v);
  }
  return body;
}

std::string input_value(const std::string& html, const std::string& name) {
  std::regex field("name=\"" + name + "\" value=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(html, m, field) ? m[1].str() : "";
}

std::string location(const HttpResult& result) { return result.header("location"); }

void add_staff(const ServerProcess& server, const std::string& login, const std::vector<std::string>& roles,
               const std::vector<std::string>& departments, const std::vector<std::string>& wards) {
  std::vector<std::string> args = {"user", "add", "--login", login, "--name",
                                   "職員 " + login, "--password-stdin"};
  for (const auto& r : roles) args.insert(args.end(), {"--role", r});
  for (const auto& d : departments) args.insert(args.end(), {"--department", d});
  for (const auto& w : wards) args.insert(args.end(), {"--ward", w});
  auto [code, output] = server.command(args, kStaffPassword + "\n");
  ASSERT_EQ(code, 0) << output;
}

StaffBrowser::StaffBrowser(const ServerProcess& server, const std::string& login) : server_(server) {
  auto page = http_.get(server.url("/staff/login"), {"Accept: text/html"});
  csrf_ = input_value(page.body, "_csrf");
  auto result = http_.post(server.url("/staff/login"),
                           form_encode({{"login", login}, {"password", kStaffPassword}, {"_csrf", csrf_}}),
                           "application/x-www-form-urlencoded", {"Accept: text/html"});
  EXPECT_EQ(result.status, 303) << login << "\n" << result.body;
}

HttpResult StaffBrowser::get(const std::string& path) { return http_.get(server_.url(path), {"Accept: text/html"}); }

HttpResult StaffBrowser::post(const std::string& form_page, const std::string& action, Fields fields) {
  auto page = get(form_page);
  auto has = [&](const std::string& name) {
    for (const auto& [k, v] : fields) {
      if (k == name) return true;
    }
    return false;
  };
  if (!has("row_version")) fields.emplace_back("row_version", input_value(page.body, "row_version"));
  if (!has("seen_event")) fields.emplace_back("seen_event", input_value(page.body, "seen_event"));
  fields.emplace_back("_csrf", csrf_);
  return http_.post(server_.url(action), form_encode(fields), "application/x-www-form-urlencoded", {"Accept: text/html"});
}

HttpResult StaffBrowser::post_raw(const std::string& action, Fields fields) {
  fields.emplace_back("_csrf", csrf_);
  return http_.post(server_.url(action), form_encode(fields), "application/x-www-form-urlencoded", {"Accept: text/html"});
}

nlohmann::json child_allowance_in(const std::string& ward_address) {
  auto answers = sample_answers("child_allowance");
  answers["applicant_address"] = ward_address;
  return answers;
}

Submitted submit_application(const ServerProcess& server, const std::string& procedure, nlohmann::json answers) {
  if (answers.is_null()) answers = sample_answers(procedure);
  HttpClient http;
  auto result = http.post_json(server.url("/api/v1/procedures/" + procedure + "/applications"), {{"answers", answers}});
  EXPECT_EQ(result.status, 201) << result.body;
  auto body = result.json();
  return {body.value("reference", ""), body.value("status_secret", "")};
}

HttpResult look_up_status(HttpClient& http, const ServerProcess& server, const std::string& reference,
                          const std::string& birth_date) {
  auto page = http.get(server.url("/status"), {"Accept: text/html"});
  return http.post(server.url("/status"),
                   form_encode({{"reference", reference}, {"birth_date", birth_date},
                                {"_csrf", input_value(page.body, "_csrf")}}),
                   "application/x-www-form-urlencoded", {"Accept: text/html"});
}

std::vector<AuditRow> audit_rows(const ServerProcess& server) {
  auto db = server.database();
  std::vector<AuditRow> rows;
  for (const auto& r : db->query("SELECT actor, action, subject_id, detail FROM audit_log ORDER BY seq")) {
    rows.push_back({r.text(0), r.text(1), r.text(2), nlohmann::json::parse(r.text(3))});
  }
  return rows;
}

int count_audit(const ServerProcess& server, const std::string& action, const std::string& subject_id) {
  int n = 0;
  for (const auto& row : audit_rows(server)) {
    if (row.action == action && row.subject_id == subject_id) ++n;
  }
  return n;
}

}  // namespace madoguchi::testing
