#include "documents/issue.h"

#include <gtest/gtest.h>

#include "documents/document_verifier.h"
#include "documents/error.h"
#include "documents/verification_code.h"
#include "pdf_tools.h"
#include "sample_models.h"

namespace madoguchi::documents {
namespace {

TEST(IssueNotice, QrLeadsToAVerifiableRecordOfTheExactBytes) {
  samples::TempDir keys;
  const DocumentSigner signer = DocumentSigner::open_or_create(keys.path());
  const DocumentVerifier verifier({signer.public_key()});
  const IssuedNotice issued = issue_notice(signer, samples::sample_notice(), "https://madoguchi.city.sendai.jp/",
                                           samples::sample_instant());

  // What a phone reads from the paper: the URL, then the code at its end.
  const samples::PdfFile file(issued.pdf.bytes);
  const std::string scanned = file.qr_text(1);
  ASSERT_EQ(scanned, issued.verification_url);
  const std::string prefix = "https://madoguchi.city.sendai.jp/verify/";
  ASSERT_EQ(scanned.rfind(prefix, 0), 0u) << scanned;
  const CodeCheck check = signer.check_code(scanned.substr(prefix.size()));
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check.document_id, issued.record.record.document_id);

  // What the page does with the stored record, and with an uploaded PDF.
  const SignedRecord stored = signed_record_from_json(to_json(issued.record));
  EXPECT_TRUE(verifier.verify_record(stored).authentic());
  EXPECT_TRUE(verifier.verify_pdf(issued.pdf.bytes, stored).authentic());
  EXPECT_EQ(stored.record.recipient_name, "髙橋 﨑子");
  EXPECT_EQ(stored.record.title, "児童手当認定通知書");
  EXPECT_EQ(stored.record.issued_at, samples::sample_instant());

  std::string edited = issued.pdf.bytes;
  const std::size_t at = edited.find("/Producer");
  ASSERT_NE(at, std::string::npos);
  edited[at + 1] = 'p';
  EXPECT_EQ(verifier.verify_pdf(edited, stored).status, VerificationStatus::changed);
}

TEST(IssueNotice, EachIssueGetsItsOwnDocumentId) {
  samples::TempDir keys;
  const DocumentSigner signer = DocumentSigner::open_or_create(keys.path());
  const IssuedNotice a = issue_notice(signer, samples::sample_notice(), "https://x.example", samples::sample_instant());
  const IssuedNotice b = issue_notice(signer, samples::sample_notice(), "https://x.example", samples::sample_instant());
  EXPECT_NE(a.record.record.document_id, b.record.record.document_id);
  EXPECT_TRUE(is_document_id(a.record.record.document_id));
  EXPECT_THROW(issue_notice(signer, samples::sample_notice(), "ftp://x.example", samples::sample_instant()),
               DocumentError);
}

}  // namespace
}  // namespace madoguchi::documents
