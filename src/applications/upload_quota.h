// UploadQuota: anyone may upload a file before applying, so each client
// address may upload at most `per_hour` files an hour (counted with
// AccessAttempts, in the database, so the allowance holds across nodes).
// Every upload route asks it first: the API, the form pages and the
// correction page.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "applications/access_attempts.h"
#include "forms/localized_text.h"

namespace madoguchi::applications {

// What a page says beside a file question once the allowance is spent.
const forms::LocalizedText& too_many_uploads_message();

class UploadQuota {
 public:
  UploadQuota(AccessAttempts& attempts, int per_hour);

  // Counts an upload by `client`; nothing if it is allowed, else how long to wait.
  std::optional<std::chrono::seconds> spend(std::string_view client);

 private:
  AccessAttempts& attempts_;
  AttemptLimit limit_;
};

}  // namespace madoguchi::applications
