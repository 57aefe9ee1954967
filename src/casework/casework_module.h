// CaseworkModule: the back office built from its dependencies, for the app to
// wire. It opens the city's document-signing key (keys/documents/, created on
// first start), builds the stores and services, adds the queue and the mail
// centre to the staff landing page, lets the citizen web's status page show
// correction requests and issued notices (a page context provider), and
// registers the staff, citizen and public routes (register_routes).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "applications/access_attempts.h"
#include "applications/application_store.h"
#include "applications/status_grant.h"
#include "applications/submission_service.h"
#include "applications/upload_quota.h"
#include "applications/upload_store.h"
#include "identity/identity_module.h"
#include "platform/db/database.h"
#include "platform/http/rate_limiter.h"
#include "platform/http/router.h"
#include "platform/web/page_renderer.h"
#include "procedures/catalogue.h"

namespace madoguchi::documents {
class DocumentSigner;
}

namespace madoguchi::casework {

struct CaseworkWeb;
class CaseStore;
class DocumentStore;
class QueueReader;
class CaseService;
class CorrectionService;
class DocumentVerification;

struct CaseworkDependencies {
  platform::db::Database& database;
  applications::ApplicationStore& applications;
  applications::UploadStore& uploads;
  applications::UploadQuota& upload_quota;  // uploads per client, shared with the citizen web
  applications::AccessAttempts& attempts;   // refusals per client, so they cannot flood the audit log
  applications::SubmissionService& submissions;
  const applications::StatusGrant& grants;  // the status look-up's cookie, to know the applicant
  const procedures::Catalogue& catalogue;
  identity::IdentityModule& identity;
  platform::web::PageRenderer& pages;
};

struct CaseworkSettings {
  std::filesystem::path keys_dir;  // the signing key lives in keys_dir/documents
  std::string public_url;          // the base of the verification URLs printed on notices
  int verify_requests_per_minute = 60;
};

// The directory of the document-signing key under the keys directory.
std::filesystem::path document_key_dir(const std::filesystem::path& keys_dir);

class CaseworkModule {
 public:
  // Throws documents::DocumentError if the signing key cannot be read or created.
  CaseworkModule(CaseworkDependencies deps, CaseworkSettings settings);
  ~CaseworkModule();
  CaseworkModule(const CaseworkModule&) = delete;
  CaseworkModule& operator=(const CaseworkModule&) = delete;

  void register_routes(platform::http::Router& router);

 private:
  std::unique_ptr<documents::DocumentSigner> signer_;
  std::unique_ptr<CaseStore> cases_;
  std::unique_ptr<DocumentStore> documents_;
  std::unique_ptr<QueueReader> queue_;
  std::unique_ptr<CaseService> service_;
  std::unique_ptr<CorrectionService> corrections_;
  std::unique_ptr<DocumentVerification> verification_;
  std::unique_ptr<platform::http::RateLimiter> verify_limiter_;
  std::unique_ptr<CaseworkWeb> web_;
};

}  // namespace madoguchi::casework
