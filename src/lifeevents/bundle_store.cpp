#include "lifeevents/bundle_store.h"

#include "applications/draft_rules.h"
#include "applications/reference.h"
#include "platform/crypto.h"

namespace madoguchi::lifeevents {

using platform::db::Connection;
using platform::db::DbError;
using platform::db::Row;

namespace {

constexpr std::string_view kSelect =
    "SELECT id, public_id, reference, event_id, event_version, answers, completed_sections, confirmed_event_date, "
    "citizen_account_id, created_at, updated_at, expires_at FROM life_event_bundles ";

Bundle from_row(const Row& r) {
  Bundle b;
  b.id = r.integer(0);
  b.public_id = r.text(1);
  b.reference = r.text(2);
  b.event_id = r.text(3);
  b.event_version = static_cast<int>(r.integer(4));
  b.answers = nlohmann::json::parse(r.text(5));
  b.completed_sections = nlohmann::json::parse(r.text(6)).get<std::vector<std::string>>();
  b.confirmed_event_date = r.text(7);
  b.citizen_account_id = r.optional_integer(8);
  b.created_at = r.text(9);
  b.updated_at = r.text(10);
  b.expires_at = r.text(11);
  return b;
}

std::string hash(std::string_view secret) { return platform::crypto::sha256_hex(secret); }

uint64_t random_u64() {
  uint64_t bits = 0;
  for (uint8_t b : platform::crypto::random_bytes(8)) bits = (bits << 8) | b;
  return bits;
}

void load_drafts(Connection& c, Bundle& bundle) {
  for (const auto& r : c.query("SELECT procedure_id, draft_public_id, form_changed, prepared FROM "
                               "life_event_bundle_drafts WHERE bundle_id = ? ORDER BY procedure_id",
                               {bundle.id})) {
    bundle.drafts.push_back({r.text(0), r.text(1), r.integer(2) == 1, nlohmann::json::parse(r.text(3))});
  }
}

}  // namespace

const BundleDraft* Bundle::draft_for(const std::string& procedure_id) const {
  for (const auto& d : drafts) {
    if (d.procedure_id == procedure_id) return &d;
  }
  return nullptr;
}

BundleStore::BundleStore(platform::db::Database& database, std::chrono::seconds lifetime, Now clock)
    : db_(database), lifetime_(lifetime), clock_(clock ? std::move(clock) : [] { return platform::Clock::now(); }) {}

OpenedBundle BundleStore::create(const std::string& event_id, int event_version,
                                 std::optional<int64_t> citizen_account_id) {
  purge_expired();
  OpenedBundle out;
  out.token = platform::crypto::random_token(32);
  auto now = clock_();
  Bundle& b = out.bundle;
  b.event_id = event_id;
  b.event_version = event_version;
  b.citizen_account_id = citizen_account_id;
  b.created_at = b.updated_at = platform::iso_timestamp(now);
  b.expires_at = platform::iso_timestamp(applications::draft_expiry(now, lifetime_));
  db_.write([&](Connection& c) {
    for (int attempt = 0;; ++attempt) {
      b.public_id = applications::make_draft_public_id(platform::crypto::random_bytes(10));
      b.reference = applications::make_reference(random_u64());
      try {
        auto row = c.query_one(
            "INSERT INTO life_event_bundles (public_id, reference, token_hash, event_id, event_version, "
            "citizen_account_id, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {b.public_id, b.reference, hash(out.token), b.event_id, b.event_version, b.citizen_account_id,
             b.created_at, b.updated_at, b.expires_at});
        b.id = row->integer(0);
        break;
      } catch (const DbError& e) {
        if (!e.is_unique_violation() || attempt == 4) throw;
      }
    }
  });
  return out;
}

std::optional<Bundle> BundleStore::find_where(std::string_view condition, const std::string& value) const {
  return db_.read([&](Connection& c) -> std::optional<Bundle> {
    auto row = c.query_one(std::string(kSelect) + "WHERE " + std::string(condition) + " = ?", {value});
    if (!row) return std::nullopt;
    Bundle bundle = from_row(*row);
    load_drafts(c, bundle);
    return bundle;
  });
}

std::optional<Bundle> BundleStore::find(std::string_view public_id) const {
  return find_where("public_id", std::string(public_id));
}

std::optional<Bundle> BundleStore::find_by_reference(std::string_view reference) const {
  return find_where("reference", std::string(reference));
}

bool BundleStore::token_matches(int64_t bundle_id, std::string_view token) const {
  if (token.empty()) return false;
  auto stored = db_.read([&](Connection& c) {
    auto row = c.query_one("SELECT token_hash FROM life_event_bundles WHERE id = ?", {bundle_id});
    return row ? row->text(0) : std::string();
  });
  return !stored.empty() && platform::crypto::constant_time_equal(stored, hash(token));
}

void BundleStore::save(int64_t bundle_id, const nlohmann::json& answers, const std::vector<std::string>& completed,
                       const std::string& confirmed_event_date, int event_version,
                       std::optional<int64_t> citizen_account_id) {
  auto now = clock_();
  db_.write([&](Connection& c) {
    c.execute(
        "UPDATE life_event_bundles SET answers = ?, completed_sections = ?, confirmed_event_date = ?, "
        "event_version = ?, updated_at = ?, expires_at = ?, citizen_account_id = COALESCE(?, citizen_account_id) "
        "WHERE id = ?",
        {answers.dump(), nlohmann::json(completed).dump(), confirmed_event_date, event_version,
         platform::iso_timestamp(now), platform::iso_timestamp(applications::draft_expiry(now, lifetime_)),
         citizen_account_id, bundle_id});
  });
}

void BundleStore::link_draft(int64_t bundle_id, const std::string& procedure_id, const std::string& draft_public_id,
                             bool form_changed, const nlohmann::json& prepared) {
  db_.write([&](Connection& c) {
    c.execute(
        "INSERT INTO life_event_bundle_drafts (bundle_id, procedure_id, draft_public_id, form_changed, prepared) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (bundle_id, procedure_id) DO UPDATE SET "
        "draft_public_id = excluded.draft_public_id, form_changed = excluded.form_changed, "
        "prepared = excluded.prepared",
        {bundle_id, procedure_id, draft_public_id, form_changed ? 1 : 0, prepared.dump()});
  });
}

std::string BundleStore::issue_resume_code(int64_t bundle_id) {
  return db_.write([&](Connection& c) {
    for (int attempt = 0;; ++attempt) {
      std::string code = applications::make_resume_code(random_u64());
      try {
        c.execute("UPDATE life_event_bundles SET resume_code_hash = ? WHERE id = ?", {hash(code), bundle_id});
        return code;
      } catch (const DbError& e) {
        if (!e.is_unique_violation() || attempt == 4) throw;
      }
    }
  });
}

bool BundleStore::resume_code_matches(int64_t bundle_id, std::string_view code) const {
  auto stored = db_.read([&](Connection& c) {
    auto row = c.query_one("SELECT resume_code_hash FROM life_event_bundles WHERE id = ?", {bundle_id});
    return row ? row->text(0) : std::string();
  });
  return !stored.empty() && platform::crypto::constant_time_equal(stored, hash(code));
}

std::optional<Bundle> BundleStore::find_by_resume_code(std::string_view code) const {
  return find_where("resume_code_hash", hash(code));
}

std::string BundleStore::move_to_new_browser(int64_t bundle_id) {
  std::string token = platform::crypto::random_token(32);
  db_.write([&](Connection& c) {
    c.execute("UPDATE life_event_bundles SET token_hash = ?, resume_code_hash = NULL WHERE id = ?",
              {hash(token), bundle_id});
  });
  return token;
}

size_t BundleStore::purge_expired() {
  std::string now = platform::iso_timestamp(clock_());
  return static_cast<size_t>(db_.write([&](Connection& c) {
    return c.execute(
        "UPDATE life_event_bundles SET answers = '{}', resume_code_hash = NULL "
        "WHERE expires_at <= ? AND (answers != '{}' OR resume_code_hash IS NOT NULL)",
        {now});
  }));
}

}  // namespace madoguchi::lifeevents
