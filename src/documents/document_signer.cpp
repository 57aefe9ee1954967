#include "documents/document_signer.h"

#include <sodium.h>

#include "documents/error.h"
#include "documents/signing/encoding.h"
#include "documents/signing/key_file.h"
#include "documents/text_rules.h"
#include "documents/verification_code.h"

namespace madoguchi::documents {
namespace {

constexpr char tag_context[crypto_kdf_CONTEXTBYTES + 1] = "mdgverif";
constexpr std::string_view tag_domain = "madoguchi/verify/v1:";
constexpr std::size_t tag_bytes = 10;  // 80 bits = 16 Crockford characters

[[noreturn]] void invalid(const std::string& field, const std::string& ja, const std::string& en) {
  throw DocumentError(DocumentErrc::invalid_input, field, ja, en);
}

bool is_sha256_hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

DocumentSigner DocumentSigner::open(const std::filesystem::path& key_dir) { return DocumentSigner(key_dir, false); }

DocumentSigner DocumentSigner::open_or_create(const std::filesystem::path& key_dir) {
  return DocumentSigner(key_dir, true);
}

DocumentSigner::DocumentSigner(const std::filesystem::path& key_dir, bool create) {
  signing::Seed seed{};
  signing::load_seed(key_dir, create ? signing::KeyFileMode::open_or_create : signing::KeyFileMode::open_existing,
                     seed);
  std::array<unsigned char, crypto_sign_PUBLICKEYBYTES> public_key{};
  crypto_sign_seed_keypair(public_key.data(), secret_key_.data(), seed.data());
  crypto_kdf_derive_from_key(tag_key_.data(), tag_key_.size(), 1, tag_context, seed.data());
  sodium_memzero(seed.data(), seed.size());
  public_key_.key_id = key_id_of(std::string_view(reinterpret_cast<const char*>(public_key.data()), public_key.size()));
  public_key_.base64 = signing::base64_encode(public_key);
}

DocumentSigner::DocumentSigner(DocumentSigner&& other) noexcept
    : secret_key_(other.secret_key_), tag_key_(other.tag_key_), public_key_(std::move(other.public_key_)) {
  sodium_memzero(other.secret_key_.data(), other.secret_key_.size());
  sodium_memzero(other.tag_key_.data(), other.tag_key_.size());
}

DocumentSigner::~DocumentSigner() {
  sodium_memzero(secret_key_.data(), secret_key_.size());
  sodium_memzero(tag_key_.data(), tag_key_.size());
}

SignedRecord DocumentSigner::sign(const DocumentRecord& record) const {
  if (!is_document_id(record.document_id)) {
    invalid("document_id", "文書 ID の形式が正しくありません", "is not a document id (16 Crockford base32 characters)");
  }
  if (!is_sha256_hex(record.pdf_sha256)) {
    invalid("pdf_sha256", "SHA-256 の16進表記ではありません", "is not a lower-case hex SHA-256");
  }
  DocumentRecord checked = record;
  checked.recipient_name = checked_text("recipient_name", record.recipient_name, TextShape::single_line);
  checked.title = checked_text("title", record.title, TextShape::single_line);
  const std::string message = signing_input(checked);
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), secret_key_.data());
  return SignedRecord{std::move(checked), public_key_.key_id, signing::base64_encode(signature)};
}

std::string DocumentSigner::tag(std::string_view document_id) const {
  const std::string message = std::string(tag_domain) + public_key_.key_id + ":" + std::string(document_id);
  std::array<unsigned char, tag_bytes> mac{};
  crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                     tag_key_.data(), tag_key_.size());
  return signing::crockford_encode(mac);
}

std::string DocumentSigner::verification_code(std::string_view document_id) const {
  if (!is_document_id(document_id)) {
    invalid("document_id", "文書 ID の形式が正しくありません", "is not a document id (16 Crockford base32 characters)");
  }
  return std::string(document_id) + "." + tag(document_id);
}

CodeCheck DocumentSigner::check_code(std::string_view code) const {
  const auto parsed = parse_verification_code(code);
  if (!parsed) {
    return CodeCheck{CodeStatus::malformed, "",
                     "確認コードの形式が正しくありません。QR コードを読み取り直すか、文書に印刷されたアドレスを"
                     "そのまま入力してください。",
                     "The verification code is not in the right form. Scan the QR code again or type the "
                     "address exactly as printed on the document."};
  }
  const std::string expected = tag(parsed->document_id);
  if (sodium_memcmp(expected.data(), parsed->tag.data(), expected.size()) != 0) {
    return CodeCheck{CodeStatus::forged, "",
                     "この確認コードは当市が発行したものではありません。文書が偽造されたおそれがあります。"
                     "文書に記載の問い合わせ先にご連絡ください。",
                     "This verification code was not issued by the city; the document may be forged. "
                     "Please contact the office named on the document."};
  }
  return CodeCheck{CodeStatus::valid, parsed->document_id, "", ""};
}

}  // namespace madoguchi::documents
