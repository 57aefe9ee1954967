// DocumentVerification: what the public verification page (/verify/CODE)
// says about a code and, optionally, a PDF someone uploads. The code is
// checked against the city's key first, so a malformed or forged code is
// answered without touching the database; a genuine code is looked up, the
// stored record's signature is verified, and an uploaded PDF is compared
// with the issued one by its signed SHA-256 — one changed byte fails. A
// genuine code printed on someone else's document (a replayed QR code) shows
// the real title, recipient and issue time, and its PDF check fails.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casework/document_store.h"
#include "documents/document_record.h"
#include "documents/document_signer.h"
#include "documents/document_verifier.h"

namespace madoguchi::casework {

enum class VerifyOutcome {
  authentic,         // the record is genuine (and the PDF, when given, is the one issued)
  changed,           // the record is genuine, but the PDF given is not the one issued
  malformed,         // not a verification code
  forged_code,       // well formed, but not made with the city's key
  unknown_document,  // a genuine code, but no such document is on record
  forged_record,     // the stored record's signature fails: it was altered
  unknown_key,       // signed with a key this site does not trust
};

std::string_view verify_outcome_name(VerifyOutcome outcome);

struct VerifyResult {
  VerifyOutcome outcome = VerifyOutcome::malformed;
  std::string message_ja;
  std::string message_en;
  std::optional<documents::DocumentRecord> record;  // when the document was found
  std::string document_id;                          // when the code was genuine
  bool authentic() const { return outcome == VerifyOutcome::authentic; }
};

class DocumentVerification {
 public:
  DocumentVerification(const documents::DocumentSigner& signer, const DocumentStore& documents);

  VerifyResult check(std::string_view code) const;
  VerifyResult check_pdf(std::string_view code, std::string_view pdf_bytes) const;
  // The keys published for anyone to verify signatures.
  std::vector<documents::PublicKey> public_keys() const;

 private:
  VerifyResult verify(std::string_view code, const std::optional<std::string_view>& pdf) const;

  const documents::DocumentSigner& signer_;
  const DocumentStore& documents_;
  documents::DocumentVerifier verifier_;
};

}  // namespace madoguchi::casework
