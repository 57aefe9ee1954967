// The audit log's hash chain, pure: each record's hash is SHA-256 over the
// previous record's hash and a length-prefixed serialisation of the record's
// own fields, and a keyed tag over the last (seq, hash) anchors the head.
// ChainVerifier walks records in seq order and names the first that breaks
// the chain and why: altered (its hash does not match its fields), deleted
// (a gap in seq), relinked (its prev_hash is not the hash before it: an
// earlier entry was rewritten or one was inserted).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "identity/audit_entry.h"

namespace madoguchi::identity {

// prev_hash of the first record.
inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

// The fields that are hashed, each as "<byte length>:<bytes>;", in column order.
std::string canonical_form(const AuditRecord& record);
std::string chain_hash(std::string_view prev_hash, const AuditRecord& record);
// The MAC that anchors the head of the chain.
std::string head_tag(const std::vector<uint8_t>& key, int64_t seq, std::string_view hash);

struct ChainProblem {
  int64_t seq = 0;   // the first record found wrong (or the missing one)
  std::string kind;  // "altered", "deleted", "relinked", "head_missing", "head_altered", "truncated", "head_mismatch"
  std::string message_ja;
  std::string message_en;
};

class ChainVerifier {
 public:
  // Checks the next record in seq order; the first problem is kept and later records ignored.
  void add(const AuditRecord& record);
  // Checks the stored head against what was walked. Call once, after the last add().
  void finish(std::optional<int64_t> head_seq, const std::string& head_hash, const std::string& head_tag_value,
              const std::vector<uint8_t>& key);

  const std::optional<ChainProblem>& problem() const { return problem_; }
  int64_t count() const { return count_; }

 private:
  void fail(int64_t seq, std::string kind, std::string ja, std::string en);

  int64_t count_ = 0;
  int64_t last_seq_ = 0;
  std::string last_hash_ = std::string(kGenesisHash);
  std::optional<ChainProblem> problem_;
};

}  // namespace madoguchi::identity
