// DocumentStore: the notices casework issued, in casework_documents — the
// signed record and the PDF exactly as issued (never rewritten), and the
// notice model the mail centre prints its copy from. insert() runs inside the
// transaction that decides the case; the reads serve downloads, the public
// verification page and the mail centre's daily batch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casework/decision.h"
#include "identity/scope.h"
#include "platform/db/database.h"

namespace madoguchi::casework {

struct IssuedDocument {
  std::string document_id;
  int64_t application_id = 0;
  int64_t draft_id = 0;
  Outcome outcome = Outcome::approve;
  std::string title;
  std::string signed_record;  // documents::to_json(SignedRecord)
  std::string pdf;            // empty unless asked for
  nlohmann::json notice_model;
  Delivery delivery = Delivery::electronic;
  std::string department;
  std::optional<std::string> ward;
  std::string missing_characters;
  std::string issued_at;
  std::string issued_on;
  std::string reference;  // of the application (filled by the reads)
};

class DocumentStore {
 public:
  explicit DocumentStore(platform::db::Database& database) : db_(database) {}

  static void insert(platform::db::Connection& c, const IssuedDocument& document);

  std::optional<IssuedDocument> find(const std::string& document_id, bool with_pdf) const;
  // The latest notice of an application.
  std::optional<IssuedDocument> latest_for(int64_t application_id, bool with_pdf) const;
  // Notices to post that were issued on `date` (ISO) in the scope, oldest first, without PDFs.
  std::vector<IssuedDocument> posted_on(const std::string& date, const identity::Scope& scope) const;

 private:
  platform::db::Database& db_;
};

}  // namespace madoguchi::casework
