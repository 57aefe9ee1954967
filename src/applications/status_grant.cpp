#include "applications/status_grant.h"

#include <algorithm>

#include "applications/reference.h"
#include "platform/crypto.h"

namespace madoguchi::applications {

namespace {

// "EXPIRY_SECONDS:REF,REF" — references hold only A-Z, 0-9 and hyphens.
std::string payload(const std::vector<std::string>& references, int64_t expiry) {
  std::string out = std::to_string(expiry) + ":";
  for (size_t i = 0; i < references.size(); ++i) out += (i ? "," : "") + references[i];
  return out;
}

int64_t seconds(platform::Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

std::vector<std::string> StatusGrant::read(std::string_view cookie_value, platform::Clock::time_point now) const {
  auto dot = cookie_value.rfind('.');
  if (dot == std::string_view::npos || cookie_value.size() > 1024) return {};
  std::string body(cookie_value.substr(0, dot));
  std::vector<uint8_t> decoded;
  if (!platform::crypto::from_base64url(body, decoded)) return {};
  std::string text(decoded.begin(), decoded.end());
  if (!platform::crypto::verify_mac(key_, "status-grant:" + text, cookie_value.substr(dot + 1))) return {};
  auto colon = text.find(':');
  if (colon == std::string::npos) return {};
  int64_t expiry = 0;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9') return {};
    expiry = expiry * 10 + (c - '0');
  }
  if (expiry <= seconds(now)) return {};
  std::vector<std::string> out;
  std::string rest = text.substr(colon + 1);
  size_t start = 0;
  while (start < rest.size()) {
    auto comma = rest.find(',', start);
    auto item = rest.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (auto reference = parse_reference(item)) out.push_back(*reference);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string StatusGrant::write(const std::vector<std::string>& references, platform::Clock::time_point now) const {
  std::vector<std::string> kept = references;
  if (kept.size() > kMaxGrantedReferences) kept.erase(kept.begin(), kept.end() - kMaxGrantedReferences);
  std::string text = payload(kept, seconds(now + kStatusGrantLifetime));
  auto body = platform::crypto::base64url(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  return body + "." + platform::crypto::mac(key_, "status-grant:" + text);
}

std::string StatusGrant::add(std::string_view existing, const std::string& reference,
                             platform::Clock::time_point now) const {
  auto references = read(existing, now);
  references.erase(std::remove(references.begin(), references.end(), reference), references.end());
  references.push_back(reference);
  return write(references, now);
}

}  // namespace madoguchi::applications
