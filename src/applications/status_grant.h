// StatusGrant: proof, kept in a cookie, that this browser may see the status
// of some applications — because it submitted them, or because someone here
// gave the reference with the matching birth date or e-mail address. The
// value lists the references and an expiry and is MACed with the server's
// key, so it cannot be forged or extended; it holds nothing personal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "platform/time.h"

namespace madoguchi::applications {

inline constexpr const char* kStatusGrantCookie = "mdg_status";
inline constexpr std::chrono::hours kStatusGrantLifetime{2};
inline constexpr size_t kMaxGrantedReferences = 10;

class StatusGrant {
 public:
  explicit StatusGrant(std::vector<uint8_t> key) : key_(std::move(key)) {}

  // The references a cookie value grants at `now` (none if forged, malformed or expired).
  std::vector<std::string> read(std::string_view cookie_value, platform::Clock::time_point now) const;
  // A cookie value granting `references` (the newest kMaxGrantedReferences) until now + lifetime.
  std::string write(const std::vector<std::string>& references, platform::Clock::time_point now) const;
  // `existing` (a cookie value, possibly empty) with `reference` added.
  std::string add(std::string_view existing, const std::string& reference, platform::Clock::time_point now) const;

 private:
  std::vector<uint8_t> key_;
};

}  // namespace madoguchi::applications
