#include "documents/issue.h"

#include "documents/verification_code.h"

namespace madoguchi::documents {

IssuedNotice issue_notice(const DocumentSigner& signer, NoticeModel notice, std::string_view verify_base_url,
                          std::chrono::sys_seconds issued_at) {
  const std::string document_id = new_document_id();
  notice.verification_url = verification_url(verify_base_url, signer.verification_code(document_id));
  IssuedNotice issued;
  issued.pdf = render_notice(notice);
  issued.verification_url = notice.verification_url;
  issued.record = signer.sign(DocumentRecord{document_id, pdf_sha256(issued.pdf.bytes), issued_at,
                                             notice.recipient.name, notice.title});
  return issued;
}

}  // namespace madoguchi::documents
