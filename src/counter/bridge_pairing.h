// BridgePairing: how the card bridge knows the clerk's page. The bridge shows a
// six-digit pairing code; the page sends it once and gets a long random token,
// which it presents on every later call. Only the tokens' SHA-256 is kept (in
// a 0600 file when one is given, so a restart does not mean pairing again).
// A code is single-use, and five wrong codes void it: a new one is shown.
// Thread-safe.
#pragma once

#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>

namespace madoguchi::counter {

class BridgePairing {
 public:
  using Announce = std::function<void(const std::string& code)>;
  // `announce` is called with every new pairing code (the bridge prints it).
  BridgePairing(std::optional<std::filesystem::path> token_file, Announce announce);

  struct PairResult {
    std::optional<std::string> token;
    int attempts_left = 0;
  };
  PairResult pair(const std::string& code);
  bool paired(std::string_view token) const;

 private:
  void new_code();
  void save() const;

  mutable std::mutex mutex_;
  std::optional<std::filesystem::path> file_;
  Announce announce_;
  std::string code_;
  int failures_ = 0;
  std::set<std::string> token_hashes_;
};

}  // namespace madoguchi::counter
