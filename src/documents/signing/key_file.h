// The signing key on disk: one file, <key dir>/document-signing.ed25519,
// holding the 32-byte Ed25519 seed in base64. It is created atomically (a
// private temporary file linked into place, so two processes starting at once
// end up with the same key) with mode 0600 in a directory created 0700, and it
// is refused on load if group or others may read it. Failures throw
// DocumentError(key_error).
#pragma once

#include <array>
#include <filesystem>

namespace madoguchi::documents::signing {

inline constexpr const char* key_file_name = "document-signing.ed25519";

using Seed = std::array<unsigned char, 32>;

enum class KeyFileMode { open_existing, open_or_create };

// Fills `seed` (the caller wipes it when done).
void load_seed(const std::filesystem::path& key_dir, KeyFileMode mode, Seed& seed);

}  // namespace madoguchi::documents::signing
