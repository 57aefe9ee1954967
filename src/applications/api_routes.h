// The public JSON API under /api/v1: the procedure catalogue with form
// schemas, submitting an application (Idempotency-Key aware), its status by
// reference and status secret, file uploads (limited per client), postal-code
// look-up, and the OpenAPI document that describes exactly these routes.
#pragma once

#include <filesystem>

#include "applications/application_store.h"
#include "applications/submission_service.h"
#include "applications/upload_quota.h"
#include "applications/upload_store.h"
#include "platform/http/http_error.h"
#include "platform/http/router.h"
#include "procedures/catalogue.h"

namespace madoguchi::jp {
class PostalDirectory;
}

namespace madoguchi::applications {

struct ApiDependencies {
  const procedures::Catalogue& catalogue;
  SubmissionService& submissions;
  ApplicationStore& store;
  UploadStore& uploads;
  UploadQuota& upload_quota;
  const jp::PostalDirectory* postal;
  std::filesystem::path openapi_file;
  size_t max_upload_bytes = 10 * 1024 * 1024;
};

void register_api_routes(platform::http::Router& router, const ApiDependencies& deps);

// The 422 error for field errors, shared by every channel that validates.
platform::http::HttpError validation_error(const std::vector<forms::FieldError>& errors);

}  // namespace madoguchi::applications
