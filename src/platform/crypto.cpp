#include "platform/crypto.h"

#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <stdexcept>

#include <sodium.h>

namespace madoguchi::platform::crypto {

void init() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

std::vector<uint8_t> random_bytes(size_t n) {
  std::vector<uint8_t> out(n);
  randombytes_buf(out.data(), n);
  return out;
}

std::string random_token(size_t bytes) {
  auto raw = random_bytes(bytes);
  return base64url(raw.data(), raw.size());
}

uint32_t random_uniform(uint32_t upper_bound) { return randombytes_uniform(upper_bound); }

std::array<uint8_t, 32> sha256(std::string_view data) {
  std::array<uint8_t, 32> out{};
  crypto_hash_sha256(out.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return out;
}

std::string sha256_hex(std::string_view data) {
  auto digest = sha256(data);
  return to_hex(digest.data(), digest.size());
}

std::string to_hex(const uint8_t* data, size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

std::string base64url(const uint8_t* data, size_t size) {
  constexpr int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(size, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, variant);
  out.resize(out.size() - 1);
  return out;
}

bool from_base64url(std::string_view text, std::vector<uint8_t>& out) {
  out.resize(text.size());
  size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      end != text.data() + text.size()) {
    out.clear();
    return false;
  }
  out.resize(length);
  return true;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

namespace {
std::atomic<uint64_t> verifications{0};
}  // namespace

uint64_t password_verifications() { return verifications.load(); }

bool verify_password(std::string_view hash, std::string_view password) {
  verifications.fetch_add(1);
  std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

void verify_password_of_no_account(std::string_view password) {
  static const std::string no_account = hash_password(random_token(16));
  verify_password(no_account, password);
}

bool password_needs_rehash(std::string_view hash) {
  std::string h(hash);
  return crypto_pwhash_str_needs_rehash(h.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

std::vector<uint8_t> load_or_create_key(const std::filesystem::path& path, size_t size) {
  if (std::filesystem::exists(path)) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      throw std::runtime_error("鍵ファイル " + path.string() + " を読めません / cannot read key file " + path.string());
    }
    if ((info.st_mode & 077) != 0) {
      throw std::runtime_error("鍵ファイル " + path.string() + " はほかのユーザーも読めます。chmod 600 " + path.string() +
                               " を実行してください / key file " + path.string() +
                               " may be read by group or others: run chmod 600 " + path.string());
    }
    std::ifstream in(path, std::ios::binary);
    std::vector<uint8_t> key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (key.size() != size) {
      throw std::runtime_error("key file " + path.string() + " has " + std::to_string(key.size()) +
                               " bytes, expected " + std::to_string(size));
    }
    return key;
  }
  if (std::filesystem::create_directories(path.parent_path())) {
    std::filesystem::permissions(path.parent_path(), std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace);
  }
  auto key = random_bytes(size);
  auto tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    ::chmod(tmp.c_str(), 0600);
    out.write(reinterpret_cast<const char*>(key.data()), static_cast<std::streamsize>(key.size()));
    if (!out) throw std::runtime_error("cannot write key file " + tmp.string());
  }
  std::filesystem::rename(tmp, path);
  return key;
}

std::string mac(const std::vector<uint8_t>& key, std::string_view data) {
  if (key.size() != crypto_auth_KEYBYTES) throw std::invalid_argument("MAC key must be 32 bytes");
  unsigned char tag[crypto_auth_BYTES];
  crypto_auth(tag, reinterpret_cast<const unsigned char*>(data.data()), data.size(), key.data());
  return base64url(tag, sizeof tag);
}

bool verify_mac(const std::vector<uint8_t>& key, std::string_view data, std::string_view tag) {
  return constant_time_equal(mac(key, data), tag);
}

SecretBox::SecretBox(std::vector<uint8_t> key) : key_(std::move(key)) {
  if (key_.size() != crypto_secretbox_KEYBYTES) throw std::invalid_argument("secretbox key must be 32 bytes");
}

std::string SecretBox::seal(std::string_view plaintext) const {
  std::vector<uint8_t> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plaintext.data()),
                        plaintext.size(), out.data(), key_.data());
  return base64url(out.data(), out.size());
}

std::string SecretBox::open(std::string_view sealed) const {
  std::vector<uint8_t> raw;
  if (!from_base64url(sealed, raw) || raw.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    throw std::runtime_error("sealed value is malformed");
  }
  std::string plain(raw.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()), raw.data() + crypto_secretbox_NONCEBYTES,
                                 raw.size() - crypto_secretbox_NONCEBYTES, raw.data(), key_.data()) != 0) {
    throw std::runtime_error("sealed value failed authentication");
  }
  return plain;
}

}  // namespace madoguchi::platform::crypto
