#include "applications/upload_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "applications/content_sniffing.h"
#include "platform/crypto.h"
#include "platform/time.h"

namespace madoguchi::applications {

using platform::db::Connection;

namespace {

void write_durably(const std::filesystem::path& path, std::string_view data) {
  auto tmp = path;
  tmp += ".tmp" + platform::crypto::random_token(6);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + tmp.string());
  size_t written = 0;
  while (written < data.size()) {
    ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n <= 0) {
      ::close(fd);
      ::unlink(tmp.c_str());
      throw std::runtime_error("cannot write " + tmp.string());
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot sync " + tmp.string());
  }
  std::filesystem::rename(tmp, path);
  int dir = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

Upload from_row(const platform::db::Row& r) {
  return {r.text(0), r.text(1), r.integer(2), r.text(3), r.text(4), r.text(5), r.optional_integer(6)};
}

std::string clean_filename(std::string_view name) {
  auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string out;
  for (char c : name) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out.push_back(c);
  }
  if (out.size() > 200) out.resize(200);
  return out.empty() ? "file" : out;
}

}  // namespace

UploadStore::UploadStore(platform::db::Database& database, std::filesystem::path directory, Storage storage)
    : db_(database), directory_(std::move(directory)), storage_(storage) {}

Upload UploadStore::save(std::string_view data, std::string_view filename, std::string_view declared_type,
                         std::optional<int64_t> draft_id) {
  if (data.empty()) throw UploadRejected("empty_file", "ファイルが空です。", "The file is empty.");
  auto sniffed = sniff_content(data);
  if (!sniffed) {
    throw UploadRejected("unsupported_file_type", "PDF・JPEG・PNG・HEIC のファイルを選んでください。",
                         "Choose a PDF, JPEG, PNG or HEIC file.");
  }
  std::string name = clean_filename(filename);
  std::string declared(declared_type.substr(0, declared_type.find(';')));
  bool declared_ok = declared.empty() || declared == "application/octet-stream" || declared == sniffed->media_type;
  if (!extension_matches(name, sniffed->media_type) || !declared_ok) {
    throw UploadRejected("content_mismatch",
                         "ファイルの中身が拡張子（ファイルの種類）と一致しません。正しいファイルを選んでください。",
                         "The file's content does not match its extension or type. Choose the correct file.");
  }
  Upload upload;
  upload.id = platform::crypto::random_token(18);
  upload.sha256 = platform::crypto::sha256_hex(data);
  upload.size = static_cast<int64_t>(data.size());
  upload.media_type = sniffed->media_type;
  upload.filename = name;
  upload.created_at = platform::now_iso();
  if (storage_ == Storage::files) {
    auto path = path_of(upload);
    std::filesystem::create_directories(path.parent_path());
    if (!std::filesystem::exists(path)) write_durably(path, data);
  }
  db_.write([&](Connection& c) {
    if (storage_ == Storage::database) {
      c.execute("INSERT INTO upload_contents (sha256, content) VALUES (?, ?) ON CONFLICT (sha256) DO NOTHING",
                {upload.sha256, platform::db::Blob(data.begin(), data.end())});
    }
    c.execute(
        "INSERT INTO uploads (id, sha256, size, media_type, filename, created_at, draft_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {upload.id, upload.sha256, upload.size, upload.media_type, upload.filename, upload.created_at, draft_id});
  });
  return upload;
}

std::optional<Upload> UploadStore::find(std::string_view id) {
  return db_.read([&](Connection& c) -> std::optional<Upload> {
    auto row = c.query_one(
        "SELECT id, sha256, size, media_type, filename, created_at, application_id FROM uploads WHERE id = ?", {id});
    if (!row) return std::nullopt;
    return from_row(*row);
  });
}

std::filesystem::path UploadStore::path_of(const Upload& upload) const {
  return directory_ / upload.sha256.substr(0, 2) / upload.sha256;
}

std::string UploadStore::content(const Upload& upload) const {
  if (storage_ == Storage::database) {
    auto row = db_.read([&](Connection& c) {
      return c.query_one("SELECT content FROM upload_contents WHERE sha256 = ?", {upload.sha256});
    });
    if (!row) throw std::runtime_error("the content of upload " + upload.id + " is missing");
    const auto bytes = row->blob(0);
    return std::string(bytes.begin(), bytes.end());
  }
  std::ifstream in(path_of(upload), std::ios::binary);
  if (!in) throw std::runtime_error("the file of upload " + upload.id + " is missing");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

size_t UploadStore::purge_unclaimed(std::chrono::seconds max_age) {
  std::string now = platform::now_iso();
  std::string cutoff = platform::iso_timestamp(platform::Clock::now() - max_age);
  constexpr std::string_view kStale =
      "WHERE application_id IS NULL AND created_at < ? AND (draft_id IS NULL OR draft_id NOT IN "
      "(SELECT id FROM application_drafts WHERE application_id IS NULL AND expires_at > ?))";
  auto stale = db_.write([&](Connection& c) {
    std::vector<Upload> rows;
    for (const auto& r : c.query("SELECT id, sha256, size, media_type, filename, created_at, application_id FROM uploads " +
                                     std::string(kStale),
                                 {cutoff, now})) {
      rows.push_back(from_row(r));
    }
    c.execute("DELETE FROM uploads " + std::string(kStale), {cutoff, now});
    if (storage_ == Storage::database) {
      c.execute("DELETE FROM upload_contents WHERE NOT EXISTS "
                "(SELECT 1 FROM uploads WHERE uploads.sha256 = upload_contents.sha256)");
    }
    return rows;
  });
  if (storage_ == Storage::database) return stale.size();
  for (const auto& upload : stale) {
    bool still_used = db_.read([&](Connection& c) {
      return c.query_one("SELECT 1 FROM uploads WHERE sha256 = ?", {upload.sha256}).has_value();
    });
    if (!still_used) std::filesystem::remove(path_of(upload));
  }
  return stale.size();
}

}  // namespace madoguchi::applications
