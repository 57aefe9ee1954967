// Helpers for the case-work integration tests: staff accounts made with
// `madoguchi user add`, a signed-in staff browser that posts the real forms
// (CSRF token and the case's row version included), a signed-in citizen,
// applications submitted through the public API the way each procedure
// allows, the citizen's status look-up that grants the status cookie, and
// reads of the audit log.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness.h"

namespace madoguchi::testing {

inline const std::string kStaffPassword = "correct horse battery";

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string form_encode(const Fields& fields);
// The value of the hidden or text input named `name` in the page (the first one).
std::string input_value(const std::string& html, const std::string& name);
std::string location(const HttpResult& result);

// `madoguchi user add` with the password on standard input.
void add_staff(const ServerProcess& server, const std::string& login, const std::vector<std::string>& roles,
               const std::vector<std::string>& departments, const std::vector<std::string>& wards);

// One browser signed in as a staff member.
class StaffBrowser {
 public:
  StaffBrowser(const ServerProcess& server, const std::string& login);
  HttpResult get(const std::string& path);
  // Posts the fields to `action` with the session's CSRF token (and, unless
  // given, the row version and last event shown on `form_page`, which is
  // fetched first).
  HttpResult post(const std::string& form_page, const std::string& action, Fields fields);
  // Posts without fetching a page: the CSRF token of this browser and the given fields only.
  HttpResult post_raw(const std::string& action, Fields fields);
  HttpClient& http() { return http_; }

 private:
  const ServerProcess& server_;
  HttpClient http_;
  std::string csrf_;
};

// Registers a citizen account for `email`, confirms it from the mail in the
// outbox and signs `http` in with it (through the real forms).
void sign_in_citizen(HttpClient& http, const ServerProcess& server, const std::string& email);

struct Submitted {
  std::string reference;
  std::string status_secret;
};

// Submits `answers` (sample answers when null) through the JSON API the way
// the procedure allows it: anonymously online when anyone may apply online,
// otherwise entered by a signed-in counter clerk at the counter (or by post).
Submitted submit_application(const ServerProcess& server, const std::string& procedure,
                             nlohmann::json answers = nullptr);
// The sample answers of child allowance with the applicant living in `ward_address`.
nlohmann::json child_allowance_in(const std::string& ward_address);

// The citizen's status look-up with the reference and status code; the browser then holds the cookie.
HttpResult look_up_status(HttpClient& http, const ServerProcess& server, const std::string& reference,
                          const std::string& status_code);

struct AuditRow {
  std::string actor;
  std::string action;
  std::string subject_id;
  nlohmann::json detail;
};
std::vector<AuditRow> audit_rows(const ServerProcess& server);
// How many entries of `action` name `subject_id`.
int count_audit(const ServerProcess& server, const std::string& action, const std::string& subject_id);

}  // namespace madoguchi::testing
