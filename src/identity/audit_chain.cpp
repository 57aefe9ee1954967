#include "identity/audit_chain.h"

#include "platform/crypto.h"

namespace madoguchi::identity {

namespace {

void put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

}  // namespace

std::string canonical_form(const AuditRecord& r) {
  std::string out;
  put(out, std::to_string(r.seq));
  put(out, r.at);
  put(out, r.actor_kind);
  put(out, r.actor);
  put(out, r.action);
  put(out, r.subject_type);
  put(out, r.subject_id);
  put(out, r.detail);
  put(out, r.ip);
  put(out, r.request_id);
  return out;
}

std::string chain_hash(std::string_view prev_hash, const AuditRecord& record) {
  std::string input(prev_hash);
  input += '|';
  input += canonical_form(record);
  return platform::crypto::sha256_hex(input);
}

std::string head_tag(const std::vector<uint8_t>& key, int64_t seq, std::string_view hash) {
  return platform::crypto::mac(key, "madoguchi-audit-head:" + std::to_string(seq) + ":" + std::string(hash));
}

void ChainVerifier::fail(int64_t seq, std::string kind, std::string ja, std::string en) {
  if (!problem_) problem_ = ChainProblem{seq, std::move(kind), std::move(ja), std::move(en)};
}

void ChainVerifier::add(const AuditRecord& record) {
  if (problem_) return;
  ++count_;
  const std::string seq = std::to_string(record.seq);
  if (record.seq != last_seq_ + 1) {
    const std::string first = std::to_string(last_seq_ + 1);
    const std::string last = std::to_string(record.seq - 1);
    std::string range = first == last ? first : first + "–" + last;
    return fail(last_seq_ + 1, "deleted", "監査ログの項目 " + range + " が削除されています（" + seq + " の前）。",
                "audit log entries " + range + " were deleted (before entry " + seq + ").");
  }
  if (chain_hash(record.prev_hash, record) != record.hash) {
    return fail(record.seq, "altered", "監査ログの項目 " + seq + " が書き換えられています（ハッシュが一致しません）。",
                "audit log entry " + seq + " was altered (its hash does not match its contents).");
  }
  if (record.prev_hash != last_hash_) {
    return fail(record.seq, "relinked",
                "監査ログの項目 " + seq + " の前の項目が書き換えられたか、項目が挿入されています（前のハッシュと一致しません）。",
                "the entry before audit log entry " + seq +
                    " was rewritten or an entry was inserted (prev_hash does not match).");
  }
  last_seq_ = record.seq;
  last_hash_ = record.hash;
}

void ChainVerifier::finish(std::optional<int64_t> head_seq, const std::string& head_hash,
                           const std::string& head_tag_value, const std::vector<uint8_t>& key) {
  if (problem_) return;
  if (!head_seq) {
    if (count_ == 0) return;
    return fail(last_seq_, "head_missing", "監査ログの先頭記録（audit_head）がありません。",
                "the audit log's head record (audit_head) is missing.");
  }
  if (!platform::crypto::constant_time_equal(head_tag(key, *head_seq, head_hash), head_tag_value)) {
    return fail(*head_seq, "head_altered", "監査ログの先頭記録（audit_head）が書き換えられています。",
                "the audit log's head record (audit_head) was altered.");
  }
  if (*head_seq > last_seq_) {
    const std::string from = std::to_string(last_seq_ + 1);
    return fail(last_seq_ + 1, "truncated",
                "監査ログの項目 " + from + " 以降が削除されています（記録は " + std::to_string(*head_seq) + " まであったはずです）。",
                "audit log entries from " + from + " on were deleted (the log reached entry " +
                    std::to_string(*head_seq) + ").");
  }
  if (*head_seq != last_seq_ || head_hash != last_hash_) {
    return fail(last_seq_, "head_mismatch",
                "監査ログの末尾が先頭記録と一致しません。madoguchi 以外から項目が書き換えられたか追加されています。",
                "the end of the audit log does not match its head record: entries were rewritten or appended "
                "outside madoguchi.");
  }
}

}  // namespace madoguchi::identity
