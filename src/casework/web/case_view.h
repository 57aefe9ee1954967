// The model of the staff case page: the case at a glance (reference,
// procedure, status, due date and its state, ward, channel, who holds it),
// the answers of the revision shown worded for people with links to the
// attachments, every revision with the fields that changed, correction
// requests, drafts with their approval steps, the issued notice, internal
// notes and the timeline — and the action forms this viewer may use now,
// with the reason when a step is refused (for example, segregation of
// duties). No I/O beyond the reads of the stores it is given.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "applications/application.h"
#include "casework/case_errors.h"
#include "casework/web/casework_web.h"
#include "identity/staff_user.h"

namespace madoguchi::casework {

// A posted action form to show again with what to fix.
struct PostedForm {
  std::string form;  // claim, assign, note, correction, decision, step
  std::vector<InputProblem> problems;
  std::string message_ja;
  std::string message_en;
  platform::http::FormFields values;
};

struct CaseViewInput {
  const applications::Application& application;
  const identity::StaffUser& viewer;
  int revision = 0;  // 0: the current answers
  const PostedForm* posted = nullptr;
};

nlohmann::json case_view(const CaseworkWeb& web, const platform::http::Request& request, const CaseViewInput& input);

}  // namespace madoguchi::casework
