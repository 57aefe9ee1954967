#include "counter/bridge_pairing.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>

#include "platform/crypto.h"

namespace madoguchi::counter {

namespace {
constexpr int kMaxFailures = 5;
}

BridgePairing::BridgePairing(std::optional<std::filesystem::path> token_file, Announce announce)
    : file_(std::move(token_file)), announce_(std::move(announce)) {
  if (file_) {
    std::ifstream in(*file_);
    for (std::string line; std::getline(in, line);) {
      if (line.size() == 64) token_hashes_.insert(line);
    }
  }
  new_code();
}

void BridgePairing::new_code() {
  char digits[8];
  std::snprintf(digits, sizeof digits, "%06u", platform::crypto::random_uniform(1000000));
  code_ = digits;
  failures_ = 0;
  if (announce_) announce_(code_);
}

void BridgePairing::save() const {
  if (!file_) return;
  std::filesystem::path temporary = file_->string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (const auto& h : token_hashes_) out << h << "\n";
  }
  ::chmod(temporary.c_str(), 0600);
  std::filesystem::rename(temporary, *file_);
}

BridgePairing::PairResult BridgePairing::pair(const std::string& code) {
  std::lock_guard lock(mutex_);
  PairResult result;
  if (!platform::crypto::constant_time_equal(code, code_)) {
    ++failures_;
    result.attempts_left = kMaxFailures - failures_;
    if (failures_ >= kMaxFailures) {
      new_code();
      result.attempts_left = 0;
    }
    return result;
  }
  std::string token = platform::crypto::random_token(32);
  token_hashes_.insert(platform::crypto::sha256_hex(token));
  save();
  new_code();
  result.token = token;
  result.attempts_left = kMaxFailures;
  return result;
}

bool BridgePairing::paired(std::string_view token) const {
  if (token.empty()) return false;
  std::lock_guard lock(mutex_);
  return token_hashes_.count(platform::crypto::sha256_hex(token)) > 0;
}

}  // namespace madoguchi::counter
