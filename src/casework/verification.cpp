#include "casework/verification.h"

#include "documents/error.h"

namespace madoguchi::casework {

std::string_view verify_outcome_name(VerifyOutcome outcome) {
  switch (outcome) {
    case VerifyOutcome::authentic: return "authentic";
    case VerifyOutcome::changed: return "changed";
    case VerifyOutcome::malformed: return "malformed";
    case VerifyOutcome::forged_code: return "forged_code";
    case VerifyOutcome::unknown_document: return "unknown_document";
    case VerifyOutcome::forged_record: return "forged_record";
    case VerifyOutcome::unknown_key: return "unknown_key";
  }
  return "malformed";
}

DocumentVerification::DocumentVerification(const documents::DocumentSigner& signer, const DocumentStore& documents)
    : signer_(signer), documents_(documents), verifier_({signer.public_key()}) {}

std::vector<documents::PublicKey> DocumentVerification::public_keys() const { return {signer_.public_key()}; }

VerifyResult DocumentVerification::check(std::string_view code) const { return verify(code, std::nullopt); }

VerifyResult DocumentVerification::check_pdf(std::string_view code, std::string_view pdf_bytes) const {
  return verify(code, pdf_bytes);
}

VerifyResult DocumentVerification::verify(std::string_view code, const std::optional<std::string_view>& pdf) const {
  VerifyResult result;
  auto checked = signer_.check_code(code);
  if (!checked.ok()) {
    result.outcome = checked.status == documents::CodeStatus::forged ? VerifyOutcome::forged_code
                                                                     : VerifyOutcome::malformed;
    result.message_ja = checked.message_ja;
    result.message_en = checked.message_en;
    return result;
  }
  result.document_id = checked.document_id;
  auto stored = documents_.find(checked.document_id, false);
  if (!stored) {
    result.outcome = VerifyOutcome::unknown_document;
    result.message_ja = "この確認コードの文書は記録にありません。文書に記載の問い合わせ先にご連絡ください。";
    result.message_en = "There is no record of a document with this code. Please contact the office named on the document.";
    return result;
  }
  documents::SignedRecord record;
  try {
    record = documents::signed_record_from_json(stored->signed_record);
  } catch (const documents::DocumentError&) {
    result.outcome = VerifyOutcome::forged_record;
    result.message_ja = "この文書の記録が損なわれています。文書に記載の問い合わせ先にご連絡ください。";
    result.message_en = "The record of this document is damaged. Please contact the office named on the document.";
    return result;
  }
  auto verification = pdf ? verifier_.verify_pdf(*pdf, record) : verifier_.verify_record(record);
  result.message_ja = verification.message_ja;
  result.message_en = verification.message_en;
  switch (verification.status) {
    case documents::VerificationStatus::authentic: result.outcome = VerifyOutcome::authentic; break;
    case documents::VerificationStatus::changed: result.outcome = VerifyOutcome::changed; break;
    case documents::VerificationStatus::forged_record: result.outcome = VerifyOutcome::forged_record; break;
    case documents::VerificationStatus::unknown_key: result.outcome = VerifyOutcome::unknown_key; break;
  }
  if (result.outcome == VerifyOutcome::authentic || result.outcome == VerifyOutcome::changed) {
    result.record = record.record;
  }
  return result;
}

}  // namespace madoguchi::casework
