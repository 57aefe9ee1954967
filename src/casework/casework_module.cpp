#include "casework/casework_module.h"

#include "casework/case_permissions.h"
#include "casework/web/case_pages.h"
#include "casework/web/casework_web.h"
#include "casework/web/citizen_pages.h"
#include "casework/web/mail_pages.h"
#include "casework/web/queue_pages.h"
#include "casework/web/verify_pages.h"

namespace madoguchi::casework {

std::filesystem::path document_key_dir(const std::filesystem::path& keys_dir) { return keys_dir / "documents"; }

CaseworkModule::CaseworkModule(CaseworkDependencies deps, CaseworkSettings settings) {
  signer_ = std::make_unique<documents::DocumentSigner>(
      documents::DocumentSigner::open_or_create(document_key_dir(settings.keys_dir)));
  cases_ = std::make_unique<CaseStore>(deps.database);
  documents_ = std::make_unique<DocumentStore>(deps.database);
  queue_ = std::make_unique<QueueReader>(deps.database);
  service_ = std::make_unique<CaseService>(CaseServiceDependencies{deps.applications, deps.database, *cases_,
                                                                   deps.identity.audit(), deps.identity.staff(),
                                                                   deps.catalogue, *signer_, settings.public_url, {}});
  corrections_ = std::make_unique<CorrectionService>(deps.applications, deps.submissions, deps.identity.audit(),
                                                     deps.catalogue);
  verification_ = std::make_unique<DocumentVerification>(*signer_, *documents_);
  verify_limiter_ =
      std::make_unique<platform::http::RateLimiter>(deps.database, settings.verify_requests_per_minute,
                                                    std::chrono::seconds(60));
  web_ = std::make_unique<CaseworkWeb>(CaseworkWeb{deps.pages, deps.applications, deps.uploads, deps.upload_quota,
                                                   deps.attempts, deps.submissions,
                                                   deps.grants, deps.catalogue, deps.identity.access(),
                                                   deps.identity.audit(), *cases_, *documents_, *queue_, *service_,
                                                   *corrections_, *verification_, *verify_limiter_,
                                                   settings.public_url});
  deps.identity.staff_links().add({"/staff/cases", "casework.nav.queue", "casework.nav.queue_description",
                                   roles_for(CaseAction::view)});
  deps.identity.staff_links().add({"/staff/mail", "casework.nav.mail", "casework.nav.mail_description",
                                   roles_for(CaseAction::mail_centre)});
  deps.pages.add_context_provider([web = web_.get()](const platform::http::Request& request, nlohmann::json& context) {
    add_status_notice(*web, request, context);
  });
}

CaseworkModule::~CaseworkModule() = default;

void CaseworkModule::register_routes(platform::http::Router& router) {
  register_queue_pages(router, *web_);
  register_case_pages(router, *web_);
  register_mail_pages(router, *web_);
  register_citizen_pages(router, *web_);
  register_verify_pages(router, *web_);
}

}  // namespace madoguchi::casework
