// UploadStore: files citizens attach. Content is sniffed first (never the
// client's word), kept by its SHA-256 — written durably (fsync of the file
// and its directory) under DATA/uploads, or in the database in the same
// transaction as its record (where several nodes share the installation) —
// then recorded; an application claims it on submission. An upload made from
// a draft's page is kept while the draft lives; other unclaimed uploads are
// purged once older than max_age.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "platform/db/database.h"

namespace madoguchi::applications {

struct Upload {
  std::string id;
  std::string sha256;
  int64_t size = 0;
  std::string media_type;
  std::string filename;
  std::string created_at;
  std::optional<int64_t> application_id;
};

// Why an upload was refused, with a message for the citizen.
class UploadRejected : public std::runtime_error {
 public:
  UploadRejected(std::string code, std::string message_ja, std::string message_en)
      : std::runtime_error(message_en), code_(std::move(code)), ja_(std::move(message_ja)), en_(std::move(message_en)) {}
  const std::string& code() const { return code_; }
  const std::string& message_ja() const { return ja_; }
  const std::string& message_en() const { return en_; }

 private:
  std::string code_, ja_, en_;
};

class UploadStore {
 public:
  enum class Storage { files, database };
  UploadStore(platform::db::Database& database, std::filesystem::path directory, Storage storage = Storage::files);

  // Throws UploadRejected for an empty file, an unknown content type, or a
  // name or declared type that disagrees with the content.
  Upload save(std::string_view data, std::string_view filename, std::string_view declared_type,
              std::optional<int64_t> draft_id = std::nullopt);
  std::optional<Upload> find(std::string_view id);
  // The file's bytes. Throws std::runtime_error if they are missing.
  std::string content(const Upload& upload) const;
  // Deletes rows and files of uploads never claimed, older than max_age and
  // not held by a draft that is still open.
  size_t purge_unclaimed(std::chrono::seconds max_age);

 private:
  std::filesystem::path path_of(const Upload& upload) const;

  platform::db::Database& db_;
  std::filesystem::path directory_;
  Storage storage_;
};

}  // namespace madoguchi::applications
