#include "casework_support.h"

#include <map>
#include <memory>
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
  // The token belongs to the session: signing in gave a new one.
  csrf_ = input_value(get("/staff/logout").body, "_csrf");
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

void sign_in_citizen(HttpClient& http, const ServerProcess& server, const std::string& email) {
  const std::string password = "tanabata-2025";
  auto form = http.get(server.url("/account/register"), {"Accept: text/html"});
  auto registered = http.post(server.url("/account/register"),
                              form_encode({{"email", email}, {"password", password}, {"confirm_password", password},
                                           {"_csrf", input_value(form.body, "_csrf")}}),
                              "application/x-www-form-urlencoded", {"Accept: text/html"});
  ASSERT_EQ(registered.status, 303) << registered.body;
  std::string body;
  {
    auto db = server.database();
    auto row = db->query_one("SELECT text_body FROM notify_email_outbox WHERE recipient = ? AND category = 'verification' "
                            "ORDER BY id DESC",
                            {email});
    ASSERT_TRUE(row.has_value()) << "no verification mail to " << email;
    body = row->text(0);
  }
  auto at = body.find("/account/verify/");
  ASSERT_NE(at, std::string::npos) << body;
  ASSERT_EQ(http.get(server.url(body.substr(at, body.find('\n', at) - at)), {"Accept: text/html"}).status, 303);
  auto login = http.get(server.url("/account/login"), {"Accept: text/html"});
  auto signed_in = http.post(server.url("/account/login"),
                             form_encode({{"email", email}, {"password", password},
                                          {"_csrf", input_value(login.body, "_csrf")}}),
                             "application/x-www-form-urlencoded", {"Accept: text/html"});
  ASSERT_EQ(signed_in.status, 303) << signed_in.body;
}

nlohmann::json child_allowance_in(const std::string& ward_address) {
  auto answers = sample_answers("child_allowance");
  answers["applicant_address"] = ward_address;
  return answers;
}

namespace {

// A counter clerk signed in on `server`, made the first time one is needed.
StaffBrowser& counter_clerk(const ServerProcess& server) {
  static std::map<std::string, std::unique_ptr<StaffBrowser>> clerks;
  auto& clerk = clerks[server.data_dir().string()];
  if (!clerk) {
    add_staff(server, "submitting.clerk", {"counter_clerk"}, {"all"}, {"all"});
    clerk = std::make_unique<StaffBrowser>(server, "submitting.clerk");
  }
  return *clerk;
}

}  // namespace

Submitted submit_application(const ServerProcess& server, const std::string& procedure, nlohmann::json answers) {
  if (answers.is_null()) answers = sample_answers(procedure);
  HttpClient anonymous;
  auto described = anonymous.get(server.url("/api/v1/procedures/" + procedure)).json();
  const auto& channels = described["channels"];
  HttpResult result;
  if (channels["online"].get<bool>() && described["identity_assurance"] == "none") {
    result = anonymous.post_json(server.url("/api/v1/procedures/" + procedure + "/applications"), {{"answers", answers}});
  } else {
    std::string channel = channels["counter_pre_entry"].get<bool>() ? "counter" : "mail";
    result = counter_clerk(server).http().post_json(server.url("/api/v1/procedures/" + procedure + "/applications"),
                                                     {{"answers", answers}, {"channel", channel}});
  }
  EXPECT_EQ(result.status, 201) << result.body;
  auto body = result.json();
  return {body.value("reference", ""), body.value("status_secret", "")};
}

HttpResult look_up_status(HttpClient& http, const ServerProcess& server, const std::string& reference,
                          const std::string& status_code) {
  auto page = http.get(server.url("/status"), {"Accept: text/html"});
  return http.post(server.url("/status"),
                   form_encode({{"reference", reference}, {"status_code", status_code},
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
