// Opening a draft from a request: the draft named in the path, for the
// browser that holds its token, still open (not expired, procedure still
// offered). Anything else gets a page that says why and what to do: a
// draft this browser cannot open (moved to another device, or never its),
// an expired one, one already submitted (redirected to its receipt).
// Also where a draft's flow continues, and the draft's cookie.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "applications/draft.h"
#include "applications/web/web_support.h"

namespace madoguchi::applications {

struct OpenDraft {
  Draft draft;
  const procedures::Procedure* procedure = nullptr;
};

// `allow_submitted`: the receipt pages open submitted drafts; the form pages redirect them.
std::variant<OpenDraft, platform::http::Response> open_draft(const WebDependencies& deps,
                                                             const platform::http::Request& request,
                                                             bool allow_submitted = false);

// The Set-Cookie giving this browser the draft's token, for as long as the draft lives.
std::string draft_cookie(const WebDependencies& deps, const std::string& public_id, const std::string& token);

// The draft's answers without those the current form no longer has, which are returned in `dropped`.
nlohmann::json current_answers(const procedures::Procedure& procedure, const nlohmann::json& answers,
                               nlohmann::json* dropped = nullptr);

// Where to continue: the first shown page whose answers are incomplete or wrong, else the check page.
std::string continue_location(const WebDependencies& deps, const OpenDraft& open);

// Issues a new resume code for the draft and sends the browser to the page
// that shows it (the code rides along in a short-lived cookie).
platform::http::Response show_resume_code(const WebDependencies& deps, const Draft& draft);
// The cookie carrying a just-issued resume code to that page.
std::string resume_flash_cookie(std::string_view public_id);

// "/apply/{public_id}" + suffix.
std::string draft_url(const Draft& draft, std::string_view suffix = "");

}  // namespace madoguchi::applications
