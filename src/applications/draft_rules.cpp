#include "applications/draft_rules.h"

#include "applications/crockford.h"

namespace madoguchi::applications {

namespace {

constexpr std::string_view kLower = "0123456789abcdefghjkmnpqrstvwxyz";

}  // namespace

std::string make_draft_public_id(std::span<const uint8_t> random) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < random.size() && out.size() < 16; ++i) {
    buffer = (buffer << 8) | random[i];
    bits += 8;
    while (bits >= 5 && out.size() < 16) {
      out.push_back(kLower[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  return out;
}

bool is_draft_public_id(std::string_view text) {
  if (text.size() != 16) return false;
  for (char c : text) {
    if (kLower.find(c) == std::string_view::npos) return false;
  }
  return true;
}

IdempotencyRequest draft_submission_key(std::string_view public_id) {
  return {"web-draft:" + std::string(public_id), "web-draft"};
}

std::string draft_cookie_name(std::string_view public_id) { return "mdg_draft_" + std::string(public_id); }

std::string draft_path(std::string_view public_id) { return "/apply/" + std::string(public_id); }

std::string make_resume_code(uint64_t random) {
  std::string out;
  for (int i = 0; i < 12; ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(crockford::kAlphabet[(random >> (5 * (11 - i))) & 31]);
  }
  return out;
}

std::optional<std::string> parse_resume_code(std::string_view text) { return crockford::parse_grouped(text, 12); }

platform::Clock::time_point draft_expiry(platform::Clock::time_point saved, std::chrono::seconds lifetime) {
  return saved + lifetime;
}

bool draft_expired(const std::string& expires_at, platform::Clock::time_point now) {
  return platform::parse_iso_timestamp(expires_at) <= now;
}

VersionCheck check_version(int draft_version, std::optional<int> posted_version, int current_version) {
  if (posted_version && *posted_version != current_version) return VersionCheck::page_outdated;
  if (draft_version != current_version) return VersionCheck::review_needed;
  return VersionCheck::current;
}

}  // namespace madoguchi::applications
