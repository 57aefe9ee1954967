// The application model: what was submitted, by which channel, where it
// stands, and its timeline. Plain data; storage is ApplicationStore's job.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/status.h"
#include "platform/db/connection.h"

namespace madoguchi::applications {

struct Application {
  int64_t id = 0;
  std::string reference;
  std::string procedure_id;
  int procedure_version = 0;
  std::string department;
  std::optional<std::string> ward;
  std::string channel;  // online, counter, mail
  Status status = Status::submitted;
  nlohmann::json answers;
  int row_version = 1;  // bumps on every change; guards against stale updates
  std::string applicant_name;
  std::optional<std::string> applicant_birth_date;  // ISO
  std::optional<std::string> contact_email;
  std::optional<int64_t> citizen_account_id;
  std::string submitted_at;
  std::string updated_at;
  std::optional<std::string> due_on;  // ISO date
};

struct ApplicationEvent {
  int64_t id = 0;
  std::string at;
  std::string kind;  // submitted, status_changed, correction_requested, resubmitted, note, decided ...
  Status status = Status::submitted;
  std::string actor;  // "citizen", or a staff login name
  nlohmann::json detail;
};

// What the citizen gets back once: the reference and the status secret.
struct Submitted {
  int64_t id = 0;
  std::string reference;
  std::string status_secret;
  std::string submitted_at;
  std::optional<std::string> due_on;
};

// Runs inside the transaction that stores a new application (not on a
// replay): what it writes commits with the application or not at all.
using WithinSubmission = std::function<void(platform::db::Connection&, const Submitted&)>;

struct NewApplication {
  std::string procedure_id;
  int procedure_version = 0;
  std::string department;
  std::optional<std::string> ward;
  std::string channel = "online";
  nlohmann::json answers;
  std::string applicant_name;
  std::optional<std::string> applicant_birth_date;
  std::optional<std::string> contact_email;
  std::optional<int64_t> citizen_account_id;
  std::string submitted_by = "citizen";  // the "submitted" event's actor: "citizen" or a staff login
  std::optional<std::string> due_on;
  std::vector<std::string> upload_ids;  // uploads this application claims
  WithinSubmission within_transaction;   // e.g. the confirmation e-mail, the draft's link
  // The citizen's own answers when staff corrected them before submission (at
  // the counter): kept as revision 1, the submitted answers as revision 2.
  std::optional<nlohmann::json> entered_answers;
};


}  // namespace madoguchi::applications
