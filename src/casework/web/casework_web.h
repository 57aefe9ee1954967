// What the case-work pages share: the services and stores, gathered once by
// CaseworkModule and passed by reference to each group of routes, and small
// helpers — the reader's language, casework.* messages, rendering a page in
// the site layout, reading a form post, and turning the use cases'
// refusals (case_errors.h) into pages that say what happened.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "applications/access_attempts.h"
#include "applications/application_store.h"
#include "applications/status_grant.h"
#include "applications/submission_service.h"
#include "applications/upload_quota.h"
#include "applications/upload_store.h"
#include "casework/case_errors.h"
#include "casework/case_service.h"
#include "casework/case_store.h"
#include "casework/correction_service.h"
#include "casework/document_store.h"
#include "casework/queue_reader.h"
#include "casework/verification.h"
#include "identity/access_control.h"
#include "identity/audit_log.h"
#include "platform/http/rate_limiter.h"
#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/http/url.h"
#include "platform/web/page_renderer.h"
#include "procedures/catalogue.h"

namespace madoguchi::casework {

using platform::web::Language;

struct CaseworkWeb {
  const platform::web::PageRenderer& pages;
  applications::ApplicationStore& applications;
  applications::UploadStore& uploads;
  applications::UploadQuota& upload_quota;
  applications::AccessAttempts& attempts;
  applications::SubmissionService& submissions;
  const applications::StatusGrant& grants;
  const procedures::Catalogue& catalogue;
  const identity::AccessControl& access;
  const identity::AuditLog& audit;
  const CaseStore& cases;
  const DocumentStore& documents;
  const QueueReader& queue;
  CaseService& service;
  CorrectionService& corrections;
  const DocumentVerification& verification;
  platform::http::RateLimiter& verify_limiter;  // per client address, for the public verification pages
  std::string public_url;

  Language language(const platform::http::Request& request) const;
  // casework.<key> in the request's language.
  std::string text(const platform::http::Request& request, std::string_view key) const;
  // Renders casework/<name> in the layout; context["title"] = title.
  platform::http::Response page(const platform::http::Request& request, const std::string& name, std::string title,
                                nlohmann::json context, int status = 200) const;
  // A page explaining a refusal (403 or 409) with a link back.
  platform::http::Response refused(const platform::http::Request& request, const ActionRefused& refusal,
                                   const std::string& back_href) const;
  // The 409 page for a case that changed since the form was drawn.
  platform::http::Response changed(const platform::http::Request& request, const CaseChanged& change) const;
};

// The fields of a urlencoded post (empty for other bodies), and one value by name.
platform::http::FormFields posted_fields(const platform::http::Request& request);
std::string posted(const platform::http::FormFields& fields, std::string_view name);
std::vector<std::string> posted_all(const platform::http::FormFields& fields, std::string_view name);
// A number posted by a form (the row version); nothing if absent or malformed.
std::optional<int64_t> posted_number(const platform::http::FormFields& fields, std::string_view name);

// Text that is valid UTF-8 without control characters other than line breaks and tabs, or "".
std::string clean_text(std::string_view text);

}  // namespace madoguchi::casework
