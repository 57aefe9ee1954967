// Issuing a notice end to end: choose a document id, put its verification URL
// (id and tag, nothing personal) in the QR code, render the PDF, hash the
// finished bytes and sign the record. The caller stores `record` (to_json)
// keyed by record.record.document_id, keeps or sends `pdf`, and never changes
// the bytes afterwards: any change makes verify_pdf answer "changed".
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "documents/document_record.h"
#include "documents/document_signer.h"
#include "documents/notice.h"

namespace madoguchi::documents {

struct IssuedNotice {
  RenderedPdf pdf;
  SignedRecord record;
  std::string verification_url;
};

// `notice.verification_url` is ignored and replaced. `verify_base_url` is the
// public site, e.g. "https://madoguchi.city.sendai.jp".
IssuedNotice issue_notice(const DocumentSigner& signer, NoticeModel notice, std::string_view verify_base_url,
                          std::chrono::sys_seconds issued_at);

}  // namespace madoguchi::documents
