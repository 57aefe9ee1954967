#include "documents/document_verifier.h"

#include <sodium.h>

#include "documents/error.h"
#include "documents/signing/encoding.h"

namespace madoguchi::documents {
namespace {

Verification authentic_record() {
  return {VerificationStatus::authentic, "正規に発行された文書の記録です。",
          "This is the record of a document the city issued."};
}

Verification authentic_pdf() {
  return {VerificationStatus::authentic, "本物の文書です。発行された後、内容は変更されていません。",
          "Authentic: the city issued this document and it has not been changed since."};
}

Verification changed() {
  return {VerificationStatus::changed,
          "この PDF は発行後に変更されています。発行された文書と一致しないため、証明には使えません。",
          "This PDF has been changed since it was issued: it does not match the document the city issued "
          "and cannot be relied on."};
}

Verification forged() {
  return {VerificationStatus::forged_record,
          "文書の記録の電子署名が正しくありません。記録が改ざんされたか、偽造されたおそれがあります。",
          "The electronic signature on the document record is not valid: the record may have been altered "
          "or forged."};
}

Verification unknown_key() {
  return {VerificationStatus::unknown_key,
          "この文書は当市が使っていない鍵で署名されています。当市が発行した文書とは確認できません。",
          "This document is signed with a key the city does not use; it cannot be confirmed as issued by "
          "the city."};
}

}  // namespace

DocumentVerifier::DocumentVerifier(const std::vector<PublicKey>& trusted_keys) {
  if (sodium_init() < 0) {
    throw DocumentError(DocumentErrc::key_error, "", "libsodium を初期化できません", "libsodium could not be initialised");
  }
  for (const PublicKey& key : trusted_keys) {
    const auto raw = signing::base64_decode(key.base64);
    const std::string bytes = raw ? std::string(raw->begin(), raw->end()) : std::string();
    if (key.algorithm != "Ed25519" || bytes.size() != crypto_sign_PUBLICKEYBYTES || key_id_of(bytes) != key.key_id) {
      throw DocumentError(DocumentErrc::key_error, "trusted_keys", "公開鍵の形式が正しくありません（鍵 ID " + key.key_id + "）",
                          "a trusted public key is malformed or does not match its key id (" + key.key_id + ")");
    }
    keys_.emplace(key.key_id, bytes);
  }
}

Verification DocumentVerifier::verify_record(const SignedRecord& signed_record) const {
  const auto key = keys_.find(signed_record.key_id);
  if (key == keys_.end()) return unknown_key();
  const auto signature = signing::base64_decode(signed_record.signature);
  if (!signature || signature->size() != crypto_sign_BYTES) return forged();
  const std::string message = signing_input(signed_record.record);
  const int result = crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(message.data()),
                                                 message.size(),
                                                 reinterpret_cast<const unsigned char*>(key->second.data()));
  return result == 0 ? authentic_record() : forged();
}

Verification DocumentVerifier::verify_pdf(std::string_view pdf_bytes, const SignedRecord& signed_record) const {
  Verification record = verify_record(signed_record);
  if (!record.authentic()) return record;
  const std::string actual = pdf_sha256(pdf_bytes);
  const std::string& issued = signed_record.record.pdf_sha256;
  if (actual.size() != issued.size() || sodium_memcmp(actual.data(), issued.data(), actual.size()) != 0) {
    return changed();
  }
  return authentic_pdf();
}

}  // namespace madoguchi::documents
