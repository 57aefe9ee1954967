// The public verification pages. /verify asks for the code printed under a
// notice's QR code; /verify/{code} says whether the document is authentic
// and when it was issued, to whom and with what title (to compare with the
// paper), and offers a PDF upload that shows whether the file is unchanged
// (POST, multipart field "pdf"). /api/v1/verification-keys publishes the
// city's Ed25519 public keys. Requests are limited per client address; every
// failed verification (malformed, forged or unknown code, a changed PDF) is
// audited with its outcome and the document id, never the file.
#pragma once

#include "casework/web/casework_web.h"
#include "platform/http/router.h"

namespace madoguchi::casework {

inline constexpr size_t kMaxVerifyUploadBytes = 10 * 1024 * 1024;

void register_verify_pages(platform::http::Router& router, const CaseworkWeb& web);

}  // namespace madoguchi::casework
