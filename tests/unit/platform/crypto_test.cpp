#include "platform/crypto.h"
#include "support/scratch.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace madoguchi::platform::crypto;

class Crypto : public ::testing::Test {
 protected:
  void SetUp() override { init(); }
};

TEST_F(Crypto, PasswordsUseArgon2idAndVerify) {
  auto hash = hash_password("correct horse 髙");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(hash, "correct horse 髙"));
  EXPECT_FALSE(verify_password(hash, "correct horse"));
  EXPECT_FALSE(password_needs_rehash(hash));
}

TEST_F(Crypto, SecretBoxRoundTripsAndDetectsTampering) {
  SecretBox box(random_bytes(32));
  auto sealed = box.seal("123456789018");
  EXPECT_EQ(sealed.find("123456789018"), std::string::npos);
  EXPECT_EQ(box.open(sealed), "123456789018");
  EXPECT_NE(box.seal("123456789018"), sealed);
  std::string tampered = sealed;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_THROW(box.open(tampered), std::runtime_error);
  EXPECT_THROW(SecretBox(random_bytes(32)).open(sealed), std::runtime_error);
  EXPECT_THROW(box.open("!!"), std::runtime_error);
}

TEST_F(Crypto, MacsVerifyOnlyTheirData) {
  auto key = random_bytes(32);
  auto tag = mac(key, "MDG-7K3Q-9XPD");
  EXPECT_TRUE(verify_mac(key, "MDG-7K3Q-9XPD", tag));
  EXPECT_FALSE(verify_mac(key, "MDG-7K3Q-9XPE", tag));
  EXPECT_FALSE(verify_mac(random_bytes(32), "MDG-7K3Q-9XPD", tag));
}

TEST_F(Crypto, KeyFilesArePrivateAndStable) {
  auto path = madoguchi::testing::scratch_dir("key") / "k.key";
  auto first = load_or_create_key(path);
  auto second = load_or_create_key(path);
  EXPECT_EQ(first, second);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_THROW(load_or_create_key(path, 64), std::runtime_error);
}

TEST_F(Crypto, Base64UrlRejectsGarbage) {
  std::vector<uint8_t> out;
  EXPECT_TRUE(from_base64url(base64url(reinterpret_cast<const uint8_t*>("abc"), 3), out));
  EXPECT_EQ(std::string(out.begin(), out.end()), "abc");
  EXPECT_FALSE(from_base64url("a b", out));
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
