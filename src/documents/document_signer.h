// DocumentSigner holds the city's Ed25519 document-signing key, loaded from
// (or first created in) a key directory the caller chooses. It signs document
// records, makes the unforgeable verification codes printed as QR codes, and
// checks such codes before any lookup. The key id is the first 8 bytes of the
// SHA-256 of the public key in hex; public_key() is what a verification page
// publishes. The secret is wiped from memory when the signer is destroyed.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "documents/document_record.h"
#include "documents/public_key.h"

namespace madoguchi::documents {

enum class CodeStatus {
  valid,      // made by this key: look the document id up
  malformed,  // not "<16>.<16>" in Crockford base32
  forged,     // well formed, but the tag was not made by this key
};

struct CodeCheck {
  CodeStatus status;
  std::string document_id;  // set when valid
  std::string message_ja;   // for the person, empty when valid
  std::string message_en;
  bool ok() const { return status == CodeStatus::valid; }
};

class DocumentSigner {
 public:
  // Throws DocumentError(key_error) if the key file is missing, unreadable or too widely readable.
  static DocumentSigner open(const std::filesystem::path& key_dir);
  // As open(), but first creates the directory (0700) and a new key file (0600) when there is none.
  static DocumentSigner open_or_create(const std::filesystem::path& key_dir);

  DocumentSigner(DocumentSigner&& other) noexcept;
  DocumentSigner& operator=(DocumentSigner&&) = delete;
  DocumentSigner(const DocumentSigner&) = delete;
  DocumentSigner& operator=(const DocumentSigner&) = delete;
  ~DocumentSigner();

  const std::string& key_id() const { return public_key_.key_id; }
  const PublicKey& public_key() const { return public_key_; }

  // Checks the record's fields (id form, hash form, UTF-8 text) and signs it;
  // throws DocumentError(invalid_input) naming the field at fault.
  SignedRecord sign(const DocumentRecord& record) const;

  // "<document id>.<tag>" for the QR URL.
  std::string verification_code(std::string_view document_id) const;
  CodeCheck check_code(std::string_view code) const;

 private:
  explicit DocumentSigner(const std::filesystem::path& key_dir, bool create);
  std::string tag(std::string_view document_id) const;

  std::array<unsigned char, 64> secret_key_{};
  std::array<unsigned char, 32> tag_key_{};
  PublicKey public_key_;
};

}  // namespace madoguchi::documents
