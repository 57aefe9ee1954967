// The decision notice (決定通知書 / 却下通知書) of a case, composed without I/O:
// the department's letterhead, the document number (the case's reference),
// the applicant's name exactly as written, what was decided and why, and how
// to appeal (教示); plus how the notice reaches the applicant by default and
// the mailing address the answers give, for the processor to confirm.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/application.h"
#include "casework/decision.h"
#include "documents/notice.h"
#include "procedures/catalogue.h"

namespace madoguchi::casework {

struct NoticeInput {
  const applications::Application& application;
  const procedures::Procedure& procedure;
  const procedures::Directory& directory;
  const DecisionDraft& decision;
  std::chrono::year_month_day issued_on;
};

documents::NoticeModel notice_model(const NoticeInput& input);

// By post when the application came by mail or at the counter, or when it
// gave no e-mail address and belongs to no account; otherwise electronically.
Delivery default_delivery(const applications::Application& application);

struct MailingAddress {
  std::string postal_code;  // as answered (may be empty)
  std::vector<std::string> lines;
};

// The applicant's address answer, and the first postal-code question outside groups.
MailingAddress mailing_address(const procedures::Procedure& procedure, const nlohmann::json& answers);

// A NoticeModel as stored with an issued document (for the mail centre's copy) and back.
nlohmann::json notice_to_json(const documents::NoticeModel& model);
documents::NoticeModel notice_from_json(const nlohmann::json& json);

}  // namespace madoguchi::casework
