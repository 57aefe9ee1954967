#include "counter/pre_entry_store.h"

#include "applications/crockford.h"
#include "platform/crypto.h"

namespace madoguchi::counter {

using platform::db::Connection;

namespace {

uint64_t random_55_bits() {
  auto bytes = platform::crypto::random_bytes(8);
  uint64_t bits = 0;
  for (uint8_t b : bytes) bits = (bits << 8) | b;
  return bits & ((uint64_t{1} << 55) - 1);
}

uint64_t serial_bits(const std::string& serial) {
  uint64_t bits = 0;
  for (char ch : serial) bits = (bits << 5) | static_cast<uint64_t>(applications::crockford::symbol_of(ch));
  return bits;
}

std::vector<int64_t> drafts_of(Connection& c, int64_t pre_entry_id) {
  std::vector<int64_t> out;
  for (const auto& r : c.query("SELECT draft_id FROM counter_pre_entry_drafts WHERE pre_entry_id = ? ORDER BY position",
                               {pre_entry_id})) {
    out.push_back(r.integer(0));
  }
  return out;
}

}  // namespace

PreEntryStore::PreEntryStore(platform::db::Database& database, std::vector<uint8_t> key, std::chrono::seconds lifetime,
                             Now clock)
    : db_(database), key_(std::move(key)), lifetime_(lifetime),
      clock_(clock ? std::move(clock) : Now([] { return platform::Clock::now(); })) {}

std::optional<IssuedPreEntry> PreEntryStore::outstanding_for_draft(int64_t draft_id) const {
  std::string now = platform::iso_timestamp(clock_());
  return db_.read([&](Connection& c) -> std::optional<IssuedPreEntry> {
    auto row = c.query_one(
        "SELECT p.id, p.serial, p.expires_at FROM counter_pre_entries p JOIN counter_pre_entry_drafts d "
        "ON d.pre_entry_id = p.id WHERE d.draft_id = ? AND p.used_at IS NULL AND p.replaced_by IS NULL "
        "AND p.expires_at > ? ORDER BY p.id DESC LIMIT 1",
        {draft_id, now});
    if (!row) return std::nullopt;
    IssuedPreEntry out;
    out.id = row->integer(0);
    out.code = make_pre_entry_code(key_, serial_bits(row->text(1)));
    out.expires_at = row->text(2);
    out.draft_ids = drafts_of(c, out.id);
    return out;
  });
}

std::optional<int64_t> PreEntryStore::intake_of_draft(int64_t draft_id) const {
  return db_.read([&](Connection& c) -> std::optional<int64_t> {
    auto row = c.query_one("SELECT intake_id FROM counter_intake_items WHERE draft_id = ? ORDER BY id DESC LIMIT 1",
                           {draft_id});
    if (!row) return std::nullopt;
    return row->integer(0);
  });
}

IssuedPreEntry PreEntryStore::issue(const std::vector<int64_t>& draft_ids) {
  if (!draft_ids.empty()) {
    if (auto existing = outstanding_for_draft(draft_ids.front()); existing && existing->draft_ids == draft_ids) {
      return *existing;
    }
  }
  auto now = clock_();
  IssuedPreEntry out;
  out.draft_ids = draft_ids;
  out.expires_at = platform::iso_timestamp(now + lifetime_);
  for (int attempt = 0;; ++attempt) {
    out.code = make_pre_entry_code(key_, random_55_bits());
    try {
      out.id = db_.write([&](Connection& c) {
        auto row = c.query_one("INSERT INTO counter_pre_entries (serial, issued_at, expires_at) VALUES (?, ?, ?) RETURNING id",
                               {out.code.serial, platform::iso_timestamp(now), out.expires_at});
        int64_t id = row->integer(0);
        for (size_t i = 0; i < draft_ids.size(); ++i) {
          c.execute("INSERT INTO counter_pre_entry_drafts (pre_entry_id, position, draft_id) VALUES (?, ?, ?)",
                    {id, static_cast<int64_t>(i), draft_ids[i]});
          c.execute("UPDATE counter_pre_entries SET replaced_by = ? WHERE id <> ? AND used_at IS NULL "
                    "AND replaced_by IS NULL AND id IN (SELECT pre_entry_id FROM counter_pre_entry_drafts WHERE draft_id = ?)",
                    {id, id, draft_ids[i]});
        }
        return id;
      });
      return out;
    } catch (const platform::db::DbError& e) {
      if (!e.is_unique_violation() || attempt == 8) throw;
    }
  }
}

TakeResult PreEntryStore::check(std::string_view text) const {
  TakeResult out;
  auto checked = check_pre_entry_code(text, key_);
  if (!checked.ok()) {
    out.problem = checked.problem == CodeProblem::forged               ? TakeProblem::forged
                  : checked.problem == CodeProblem::other_installation ? TakeProblem::other_installation
                                                                       : TakeProblem::malformed;
    return out;
  }
  std::string now = platform::iso_timestamp(clock_());
  db_.read([&](Connection& c) {
    auto row = c.query_one("SELECT id, expires_at, used_at, replaced_by FROM counter_pre_entries WHERE serial = ?",
                           {checked.code->serial});
    if (!row) {
      out.problem = TakeProblem::unknown;
      return 0;
    }
    if (!row->is_null(2)) {
      out.problem = TakeProblem::used;
      return 0;
    }
    if (!row->is_null(3)) {
      out.problem = TakeProblem::replaced;
      return 0;
    }
    if (row->text(1) <= now) {
      out.problem = TakeProblem::expired;
      out.expires_at = row->text(1);
      return 0;
    }
    out.taken = TakenPreEntry{row->integer(0), drafts_of(c, row->integer(0))};
    return 0;
  });
  return out;
}

bool PreEntryStore::spend(Connection& c, int64_t pre_entry_id, int64_t intake_id, const std::string& now) {
  return c.execute("UPDATE counter_pre_entries SET used_at = ?, intake_id = ? WHERE id = ? AND used_at IS NULL",
                   {now, intake_id, pre_entry_id}) == 1;
}

}  // namespace madoguchi::counter
