#include "documents/document_signer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>

#include "documents/document_verifier.h"
#include "documents/error.h"
#include "documents/signing/encoding.h"
#include "documents/verification_code.h"
#include "pdf_tools.h"
#include "sample_models.h"

namespace madoguchi::documents {
namespace {

namespace fs = std::filesystem;
using samples::TempDir;

DocumentRecord sample_record(const std::string& pdf) {
  return DocumentRecord{new_document_id(), pdf_sha256(pdf), samples::sample_instant(), "髙橋 﨑子",
                        "児童手当認定通知書"};
}

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  ::stat(path.c_str(), &info);
  return info.st_mode & 0777;
}

TEST(DocumentSigner, CreatesAPrivateKeyOnceAndReloadsTheSameKey) {
  TempDir dir;
  const fs::path keys = dir.path() / "keys";
  const DocumentSigner created = DocumentSigner::open_or_create(keys);
  EXPECT_EQ(mode_of(keys), 0700u);
  EXPECT_EQ(mode_of(keys / "document-signing.ed25519"), 0600u);
  const DocumentSigner reopened = DocumentSigner::open(keys);
  EXPECT_EQ(created.key_id(), reopened.key_id());
  EXPECT_EQ(created.public_key().base64, reopened.public_key().base64);
  EXPECT_EQ(created.key_id().size(), 16u);
  const auto raw = signing::base64_decode(created.public_key().base64);
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(created.key_id(), key_id_of(std::string(raw->begin(), raw->end())));
  EXPECT_EQ(created.public_key().base64.size(), 44u);
  EXPECT_NE(to_json(created.public_key()).find("\"algorithm\":\"Ed25519\""), std::string::npos);
}

TEST(DocumentSigner, RefusesAMissingOrExposedKey) {
  TempDir dir;
  try {
    DocumentSigner::open(dir.path() / "none");
    FAIL() << "no DocumentError";
  } catch (const DocumentError& error) {
    EXPECT_EQ(error.code(), DocumentErrc::key_error);
  }
  DocumentSigner::open_or_create(dir.path());
  fs::permissions(dir.path() / "document-signing.ed25519", fs::perms::group_read | fs::perms::others_read,
                  fs::perm_options::add);
  try {
    DocumentSigner::open(dir.path());
    FAIL() << "no DocumentError";
  } catch (const DocumentError& error) {
    EXPECT_EQ(error.code(), DocumentErrc::key_error);
    EXPECT_NE(error.message_ja().find("chmod 600"), std::string::npos);
  }
  TempDir garbage;
  {
    std::ofstream(garbage.path() / "document-signing.ed25519") << "not a key\n";
  }
  fs::permissions(garbage.path() / "document-signing.ed25519", fs::perms::owner_read | fs::perms::owner_write,
                  fs::perm_options::replace);
  EXPECT_THROW(DocumentSigner::open(garbage.path()), DocumentError);
}

TEST(DocumentSigner, SignsARecordThatVerifiesAndAPdfThatMatches) {
  TempDir dir;
  const DocumentSigner signer = DocumentSigner::open_or_create(dir.path());
  const DocumentVerifier verifier({signer.public_key()});
  const std::string pdf = "%PDF-1.5 the finished bytes";
  const SignedRecord signed_record = signer.sign(sample_record(pdf));
  EXPECT_EQ(signed_record.key_id, signer.key_id());
  EXPECT_TRUE(verifier.verify_record(signed_record).authentic());
  const Verification verification = verifier.verify_pdf(pdf, signed_record);
  EXPECT_EQ(verification.status, VerificationStatus::authentic);
  EXPECT_FALSE(verification.message_ja.empty());
  EXPECT_FALSE(verification.message_en.empty());
}

TEST(DocumentSigner, OneChangedByteInThePdfIsReportedAsChanged) {
  TempDir dir;
  const DocumentSigner signer = DocumentSigner::open_or_create(dir.path());
  const DocumentVerifier verifier({signer.public_key()});
  std::string pdf = render_notice(samples::sample_notice()).bytes;
  const SignedRecord signed_record = signer.sign(sample_record(pdf));
  ASSERT_TRUE(verifier.verify_pdf(pdf, signed_record).authentic());
  pdf[pdf.size() / 2] = static_cast<char>(pdf[pdf.size() / 2] ^ 0x01);
  const Verification verification = verifier.verify_pdf(pdf, signed_record);
  EXPECT_EQ(verification.status, VerificationStatus::changed);
  EXPECT_NE(verification.message_ja.find("変更されています"), std::string::npos);
  EXPECT_EQ(verifier.verify_pdf(pdf + " ", signed_record).status, VerificationStatus::changed);
}

TEST(DocumentSigner, AnAlteredRecordIsReportedAsForged) {
  TempDir dir;
  const DocumentSigner signer = DocumentSigner::open_or_create(dir.path());
  const DocumentVerifier verifier({signer.public_key()});
  const std::string pdf = "%PDF bytes";
  const SignedRecord genuine = signer.sign(sample_record(pdf));

  SignedRecord altered = genuine;
  altered.record.recipient_name = "高橋 崎子";  // the common forms instead of 髙 and 﨑
  EXPECT_EQ(verifier.verify_record(altered).status, VerificationStatus::forged_record);

  altered = genuine;
  altered.record.pdf_sha256 = pdf_sha256("%PDF a forged document");
  EXPECT_EQ(verifier.verify_pdf("%PDF a forged document", altered).status, VerificationStatus::forged_record);

  altered = genuine;
  altered.record.issued_at += std::chrono::seconds{1};
  EXPECT_EQ(verifier.verify_record(altered).status, VerificationStatus::forged_record);

  altered = genuine;
  altered.signature = "not base64!";
  EXPECT_EQ(verifier.verify_record(altered).status, VerificationStatus::forged_record);
}

TEST(DocumentSigner, ARecordSignedByAnotherKeyIsRefused) {
  TempDir city_dir;
  TempDir other_dir;
  const DocumentSigner city = DocumentSigner::open_or_create(city_dir.path());
  const DocumentSigner other = DocumentSigner::open_or_create(other_dir.path());
  ASSERT_NE(city.key_id(), other.key_id());
  const DocumentVerifier verifier({city.public_key()});
  const std::string pdf = "%PDF bytes";

  const SignedRecord foreign = other.sign(sample_record(pdf));
  const Verification unknown = verifier.verify_pdf(pdf, foreign);
  EXPECT_EQ(unknown.status, VerificationStatus::unknown_key);
  EXPECT_FALSE(unknown.message_en.empty());

  SignedRecord impostor = foreign;  // another key's signature passed off under the city's key id
  impostor.key_id = city.key_id();
  EXPECT_EQ(verifier.verify_pdf(pdf, impostor).status, VerificationStatus::forged_record);

  const DocumentVerifier both({city.public_key(), other.public_key()});  // e.g. a retired key still trusted
  EXPECT_TRUE(both.verify_pdf(pdf, foreign).authentic());
}

TEST(DocumentSigner, VerificationCodesCannotBeMadeUpOrReplayedFromAnotherKey) {
  TempDir dir;
  TempDir other_dir;
  const DocumentSigner signer = DocumentSigner::open_or_create(dir.path());
  const DocumentSigner other = DocumentSigner::open_or_create(other_dir.path());
  const std::string id = new_document_id();
  const std::string code = signer.verification_code(id);
  ASSERT_EQ(code.size(), 33u);

  const CodeCheck valid = signer.check_code(code);
  ASSERT_TRUE(valid.ok());
  EXPECT_EQ(valid.document_id, id);

  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_TRUE(signer.check_code(lower).ok());  // typed by hand

  std::string wrong_tag = code;
  wrong_tag.back() = wrong_tag.back() == 'A' ? 'B' : 'A';
  const CodeCheck forged_tag = signer.check_code(wrong_tag);
  EXPECT_EQ(forged_tag.status, CodeStatus::forged);
  EXPECT_TRUE(forged_tag.document_id.empty());
  EXPECT_NE(forged_tag.message_ja.find("偽造"), std::string::npos);

  const std::string made_up_id = new_document_id() + code.substr(16);  // someone else's tag on a new id
  EXPECT_EQ(signer.check_code(made_up_id).status, CodeStatus::forged);
  EXPECT_EQ(signer.check_code(other.verification_code(id)).status, CodeStatus::forged);

  for (const char* malformed : {"", "abc", "7K3Q9XPDA2M4R8TV", "7K3Q9XPDA2M4R8TV.B6WZ1H0C5N3J7Y2", "7K3Q9XPDA2M4R8TV/B6WZ1H0C5N3J7Y2E",
                                "7K3Q9XPDA2M4R8TU.B6WZ1H0C5N3J7Y2E", "../../etc/passwd.B6WZ1H0C5N3J7Y2E"}) {
    EXPECT_EQ(signer.check_code(malformed).status, CodeStatus::malformed) << malformed;
  }
  EXPECT_THROW(signer.verification_code("not-an-id"), DocumentError);
}

TEST(DocumentSigner, RefusesToSignARecordThatIsNotWellFormed) {
  TempDir dir;
  const DocumentSigner signer = DocumentSigner::open_or_create(dir.path());
  DocumentRecord record = sample_record("%PDF");
  record.pdf_sha256 = "xyz";
  EXPECT_THROW(signer.sign(record), DocumentError);
  record = sample_record("%PDF");
  record.document_id = "short";
  EXPECT_THROW(signer.sign(record), DocumentError);
  record = sample_record("%PDF");
  record.recipient_name = std::string("髙橋\0", 7);
  EXPECT_THROW(signer.sign(record), DocumentError);
}

TEST(SignedRecordJson, RoundTripsAndRefusesAnythingElse) {
  TempDir dir;
  const DocumentSigner signer = DocumentSigner::open_or_create(dir.path());
  const DocumentVerifier verifier({signer.public_key()});
  const SignedRecord original = signer.sign(sample_record("%PDF"));
  const std::string json = to_json(original);
  EXPECT_NE(json.find("\"issued_at\":\"2026-11-22T05:05:00Z\""), std::string::npos);
  const SignedRecord loaded = signed_record_from_json(json);
  EXPECT_TRUE(verifier.verify_pdf("%PDF", loaded).authentic());
  EXPECT_EQ(loaded.record.recipient_name, "髙橋 﨑子");

  for (const std::string& bad : {std::string("{"), std::string("[]"), std::string("{\"version\":2}"),
                                json.substr(0, json.size() - 1)}) {
    try {
      signed_record_from_json(bad);
      ADD_FAILURE() << bad;
    } catch (const DocumentError& error) {
      EXPECT_EQ(error.code(), DocumentErrc::malformed_record);
    }
  }
  std::string bad_date = json;
  bad_date.replace(bad_date.find("2026-11-22T05:05:00Z"), 20, "2026-02-30T05:05:00Z");
  EXPECT_THROW(signed_record_from_json(bad_date), DocumentError);
}

TEST(DocumentVerifier, RefusesAPublicKeyThatDoesNotMatchItsId) {
  TempDir dir;
  PublicKey key = DocumentSigner::open_or_create(dir.path()).public_key();
  key.key_id = "0000000000000000";
  EXPECT_THROW(DocumentVerifier({key}), DocumentError);
  key.base64 = "AAAA";
  EXPECT_THROW(DocumentVerifier({key}), DocumentError);
}

}  // namespace
}  // namespace madoguchi::documents
