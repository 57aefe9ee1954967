// DocumentVerifier checks signed document records and PDFs against the city
// keys it trusts (current and retired). verify_pdf answers exactly one of:
// authentic and unchanged; changed (the bytes' SHA-256 differs from the signed
// record); forged record (the signature does not verify); unknown key. Each
// answer carries a message in Japanese and English for the verification page.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "documents/document_record.h"
#include "documents/public_key.h"

namespace madoguchi::documents {

enum class VerificationStatus {
  authentic,      // signed by a trusted key, and (for verify_pdf) the bytes are the ones issued
  changed,        // the record is genuine but the PDF is not the one issued
  forged_record,  // the record's signature does not verify: the record itself was altered or made up
  unknown_key,    // signed by a key this verifier does not trust
};

struct Verification {
  VerificationStatus status;
  std::string message_ja;
  std::string message_en;
  bool authentic() const { return status == VerificationStatus::authentic; }
};

class DocumentVerifier {
 public:
  // Throws DocumentError(key_error) if a key is not 32 bytes of base64 or its id does not match it.
  explicit DocumentVerifier(const std::vector<PublicKey>& trusted_keys);

  // Is the stored record genuine? (For a paper copy: the page then shows its details to compare.)
  Verification verify_record(const SignedRecord& signed_record) const;
  // Is the record genuine and is `pdf_bytes` exactly the PDF it was issued as?
  Verification verify_pdf(std::string_view pdf_bytes, const SignedRecord& signed_record) const;

 private:
  std::map<std::string, std::string, std::less<>> keys_;  // key id -> raw public key
};

}  // namespace madoguchi::documents
