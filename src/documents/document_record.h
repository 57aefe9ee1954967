// The record the city signs when it issues a document: which document, the
// SHA-256 of the finished PDF bytes, when, to whom and what. The server stores
// the SignedRecord beside the PDF; /verify looks it up by document id. The
// signature covers signing_input(record), a fixed, length-prefixed encoding,
// never the JSON, so storage formatting cannot break verification.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace madoguchi::documents {

struct DocumentRecord {
  std::string document_id;             // see verification_code.h
  std::string pdf_sha256;              // 64 lower-case hex digits
  std::chrono::sys_seconds issued_at;  // UTC
  std::string recipient_name;          // exactly as printed
  std::string title;                   // "児童手当認定通知書"
};

struct SignedRecord {
  DocumentRecord record;
  std::string key_id;     // which city key signed it (see DocumentSigner::key_id)
  std::string signature;  // Ed25519, standard base64
};

std::string pdf_sha256(std::string_view pdf_bytes);

// "madoguchi/document-record/v1" then each field as 8-byte big-endian length + bytes.
std::string signing_input(const DocumentRecord& record);

// {"version":1,"document_id":…,"pdf_sha256":…,"issued_at":"2026-11-22T05:00:00Z",
//  "recipient_name":…,"title":…,"key_id":…,"signature":…}
std::string to_json(const SignedRecord& signed_record);
// Throws DocumentError(malformed_record) for anything that is not exactly that shape.
SignedRecord signed_record_from_json(std::string_view json);

}  // namespace madoguchi::documents
