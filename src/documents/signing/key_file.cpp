#include "documents/signing/key_file.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include "documents/error.h"
#include "documents/signing/encoding.h"

namespace madoguchi::documents::signing {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void key_error(const fs::path& path, const std::string& ja, const std::string& en) {
  throw DocumentError(DocumentErrc::key_error, path.string(), "署名鍵を使えません：" + ja,
                      "the signing key cannot be used: " + en);
}

std::string os_error() { return std::strerror(errno); }

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Reads the key file; false if it does not exist.
bool read_seed(const fs::path& path, Seed& seed) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.get() < 0) {
    if (errno == ENOENT) return false;
    key_error(path, "開けません（" + os_error() + "）", "cannot open it (" + os_error() + ")");
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    key_error(path, "通常のファイルではありません", "it is not a regular file");
  }
  if ((info.st_mode & 077) != 0) {
    key_error(path, "アクセス権が広すぎます（chmod 600 にしてください）",
              "group or others may read it (run chmod 600 on it)");
  }
  char buffer[128];
  const ssize_t length = ::read(fd.get(), buffer, sizeof buffer);
  if (length < 0) key_error(path, "読めません（" + os_error() + "）", "cannot read it (" + os_error() + ")");
  std::string_view text(buffer, static_cast<std::size_t>(length));
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  auto bytes = base64_decode(text);
  sodium_memzero(buffer, sizeof buffer);
  if (!bytes || bytes->size() != seed.size()) {
    if (bytes) sodium_memzero(bytes->data(), bytes->size());
    key_error(path, "内容が正しくありません（32 バイトの鍵の base64 が必要です）",
              "its content is not the base64 of a 32-byte key");
  }
  std::memcpy(seed.data(), bytes->data(), seed.size());
  sodium_memzero(bytes->data(), bytes->size());
  return true;
}

void write_all(int fd, const std::string& text, const fs::path& path) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) key_error(path, "書き込めません（" + os_error() + "）", "cannot write it (" + os_error() + ")");
    done += static_cast<std::size_t>(n);
  }
}

void create_seed(const fs::path& dir, const fs::path& path) {
  Seed fresh{};
  randombytes_buf(fresh.data(), fresh.size());
  std::string text = base64_encode(fresh) + "\n";
  sodium_memzero(fresh.data(), fresh.size());
  std::array<unsigned char, 8> nonce{};
  randombytes_buf(nonce.data(), nonce.size());
  const fs::path temporary = dir / ("." + std::string(key_file_name) + "." + hex_encode(nonce) + ".tmp");
  {
    Fd fd(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (fd.get() < 0) {
      sodium_memzero(text.data(), text.size());
      key_error(temporary, "作成できません（" + os_error() + "）", "cannot create it (" + os_error() + ")");
    }
    write_all(fd.get(), text, temporary);
    sodium_memzero(text.data(), text.size());
    if (::fsync(fd.get()) != 0) key_error(temporary, "保存できません", "cannot sync it to disk");
  }
  const int linked = ::link(temporary.c_str(), path.c_str());
  const int link_errno = errno;
  ::unlink(temporary.c_str());
  if (linked != 0 && link_errno != EEXIST) {
    errno = link_errno;
    key_error(path, "作成できません（" + os_error() + "）", "cannot create it (" + os_error() + ")");
  }
  Fd directory(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (directory.get() >= 0) ::fsync(directory.get());
}

}  // namespace

void load_seed(const fs::path& key_dir, KeyFileMode mode, Seed& seed) {
  if (sodium_init() < 0) key_error(key_dir, "libsodium を初期化できません", "libsodium could not be initialised");
  const fs::path path = key_dir / key_file_name;
  if (read_seed(path, seed)) return;
  if (mode == KeyFileMode::open_existing) key_error(path, "ファイルがありません", "the file does not exist");
  std::error_code error;
  if (fs::create_directories(key_dir, error)) {
    fs::permissions(key_dir, fs::perms::owner_all, fs::perm_options::replace, error);
  }
  if (error) key_error(key_dir, "鍵のディレクトリを作成できません", "cannot create the key directory");
  create_seed(key_dir, path);
  if (!read_seed(path, seed)) key_error(path, "作成した鍵を読めません", "the new key cannot be read back");
}

}  // namespace madoguchi::documents::signing
