// The rules drafts live by, pure and without I/O: how long a draft lives,
// what its public id, browser cookie and resume code look like, and what to
// do when the procedure's form changed version since the draft was begun.
// Resume codes are twelve Crockford base32 characters (60 random bits) shown
// as XXXX-XXXX-XXXX; reading one forgives case, width, spaces, hyphens and
// the look-alike letters O, I and L. Guessing is limited separately.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "applications/application_store.h"
#include "platform/time.h"

namespace madoguchi::applications {

inline constexpr std::chrono::hours kDefaultDraftLifetime{24 * 30};

// A public id: 16 lower-case Crockford base32 characters from `random` (10 bytes used).
std::string make_draft_public_id(std::span<const uint8_t> random);
// True for text shaped like a public id (so it can name a cookie and a path).
bool is_draft_public_id(std::string_view text);

// The idempotency key a draft is submitted with: however often it is sent,
// it makes one application, whose first result (reference, status code) the
// key keeps for the receipt page.
IdempotencyRequest draft_submission_key(std::string_view public_id);

// The cookie holding a draft's token and the path it is scoped to.
std::string draft_cookie_name(std::string_view public_id);
std::string draft_path(std::string_view public_id);

// "7K3Q-9XPD-M2TA" from the low 60 bits of `random`.
std::string make_resume_code(uint64_t random);
// The canonical form of a typed resume code, or nothing if it is not one.
std::optional<std::string> parse_resume_code(std::string_view text);

// The instant a draft saved at `saved` expires.
platform::Clock::time_point draft_expiry(platform::Clock::time_point saved, std::chrono::seconds lifetime);
// Whether a draft with this expires_at (ISO timestamp) has expired at `now`.
bool draft_expired(const std::string& expires_at, platform::Clock::time_point now);

// How a page post relates to the procedure's current form version.
enum class VersionCheck {
  current,          // the draft and the page are for the current form
  review_needed,    // the draft was begun on an older form: the citizen must review before submitting
  page_outdated,    // the page posted was rendered for another version: show it again, keep the answers
};
VersionCheck check_version(int draft_version, std::optional<int> posted_version, int current_version);

}  // namespace madoguchi::applications
