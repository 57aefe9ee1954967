#include "applications/draft_store.h"

#include <algorithm>

#include "applications/draft_rules.h"
#include "platform/crypto.h"

namespace madoguchi::applications {

using platform::db::Connection;
using platform::db::DbError;
using platform::db::Row;

namespace {

constexpr std::string_view kSelect =
    "SELECT d.id, d.public_id, d.procedure_id, d.procedure_version, d.channel, d.answers, d.citizen_account_id, "
    "d.application_id, a.reference, d.created_at, d.updated_at, d.expires_at, d.completed_sections, "
    "d.given_fields, d.return_to "
    "FROM application_drafts d LEFT JOIN applications a ON a.id = d.application_id ";

Draft from_row(const Row& r) {
  Draft d;
  d.id = r.integer(0);
  d.public_id = r.text(1);
  d.procedure_id = r.text(2);
  d.procedure_version = static_cast<int>(r.integer(3));
  d.channel = r.text(4);
  d.answers = nlohmann::json::parse(r.text(5));
  d.citizen_account_id = r.optional_integer(6);
  d.application_id = r.optional_integer(7);
  d.reference = r.optional_text(8);
  d.created_at = r.text(9);
  d.updated_at = r.text(10);
  d.expires_at = r.text(11);
  d.completed_sections = nlohmann::json::parse(r.text(12)).get<std::vector<std::string>>();
  d.given_fields = nlohmann::json::parse(r.text(13)).get<std::vector<std::string>>();
  d.return_to = r.text(14);
  return d;
}

std::string hash(std::string_view secret) { return platform::crypto::sha256_hex(secret); }

uint64_t random_u64() {
  uint64_t bits = 0;
  for (uint8_t b : platform::crypto::random_bytes(8)) bits = (bits << 8) | b;
  return bits;
}

}  // namespace

DraftStore::DraftStore(platform::db::Database& database, std::chrono::seconds lifetime, Now clock)
    : db_(database), lifetime_(lifetime), clock_(clock ? std::move(clock) : [] { return platform::Clock::now(); }) {}

OpenedDraft DraftStore::create(const NewDraft& n) {
  purge_expired();
  OpenedDraft out;
  out.token = platform::crypto::random_token(32);
  auto now = clock_();
  Draft& d = out.draft;
  d.procedure_id = n.procedure_id;
  d.procedure_version = n.procedure_version;
  d.channel = n.channel;
  d.citizen_account_id = n.citizen_account_id;
  d.answers = n.answers.is_object() ? n.answers : nlohmann::json::object();
  d.given_fields = n.given_fields;
  d.completed_sections = n.completed_sections;
  d.return_to = n.return_to;
  d.created_at = d.updated_at = platform::iso_timestamp(now);
  d.expires_at = platform::iso_timestamp(draft_expiry(now, lifetime_));
  db_.write([&](Connection& c) {
    for (int attempt = 0;; ++attempt) {
      d.public_id = make_draft_public_id(platform::crypto::random_bytes(10));
      auto inserted = c.query_one(
          "INSERT INTO application_drafts (public_id, token_hash, procedure_id, procedure_version, channel, answers, "
          "citizen_account_id, created_at, updated_at, expires_at, completed_sections, given_fields, return_to) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (public_id) DO NOTHING RETURNING id",
          {d.public_id, hash(out.token), d.procedure_id, d.procedure_version, d.channel, d.answers.dump(),
           d.citizen_account_id, d.created_at, d.updated_at, d.expires_at,
           nlohmann::json(d.completed_sections).dump(), nlohmann::json(d.given_fields).dump(), d.return_to});
      if (inserted) {
        d.id = inserted->integer(0);
        break;
      }
      if (attempt == 4) throw DbError(DbError::Kind::other, "no free draft id after five tries");
    }
  });
  return out;
}

std::optional<Draft> DraftStore::find(std::string_view public_id) const {
  return db_.read([&](Connection& c) -> std::optional<Draft> {
    auto row = c.query_one(std::string(kSelect) + "WHERE d.public_id = ?", {public_id});
    if (!row) return std::nullopt;
    return from_row(*row);
  });
}

std::optional<Draft> DraftStore::find_by_id(int64_t id) const {
  return db_.read([&](Connection& c) -> std::optional<Draft> {
    auto row = c.query_one(std::string(kSelect) + "WHERE d.id = ?", {id});
    if (!row) return std::nullopt;
    return from_row(*row);
  });
}

bool DraftStore::token_matches(int64_t draft_id, std::string_view token) const {
  if (token.empty()) return false;
  auto stored = db_.read([&](Connection& c) {
    auto row = c.query_one("SELECT token_hash FROM application_drafts WHERE id = ?", {draft_id});
    return row ? row->text(0) : std::string();
  });
  return !stored.empty() && platform::crypto::constant_time_equal(stored, hash(token));
}

bool DraftStore::save(int64_t draft_id, const nlohmann::json& answers, std::optional<int64_t> citizen_account_id,
                      std::optional<std::string> completed) {
  auto now = clock_();
  return db_.write([&](Connection& c) {
    auto row = c.query_one("SELECT completed_sections FROM application_drafts WHERE id = ? AND application_id IS NULL",
                           {draft_id});
    if (!row) return false;
    auto sections = nlohmann::json::parse(row->text(0));
    if (completed && std::find(sections.begin(), sections.end(), *completed) == sections.end()) {
      sections.push_back(*completed);
    }
    c.execute(
        "UPDATE application_drafts SET answers = ?, completed_sections = ?, updated_at = ?, expires_at = ?, "
        "citizen_account_id = coalesce(?, citizen_account_id) WHERE id = ?",
        {answers.dump(), sections.dump(), platform::iso_timestamp(now),
         platform::iso_timestamp(draft_expiry(now, lifetime_)), citizen_account_id, draft_id});
    return true;
  });
}

void DraftStore::set_version(int64_t draft_id, int version) {
  db_.write([&](Connection& c) {
    c.execute("UPDATE application_drafts SET procedure_version = ? WHERE id = ?", {version, draft_id});
  });
}

bool DraftStore::rebase(int64_t draft_id, const nlohmann::json& answers, const std::vector<std::string>& given_fields,
                        const std::vector<std::string>& completed_sections, int version) {
  auto now = clock_();
  return db_.write([&](Connection& c) {
    return c.execute(
               "UPDATE application_drafts SET answers = ?, given_fields = ?, completed_sections = ?, "
               "procedure_version = ?, updated_at = ?, expires_at = ? WHERE id = ? AND application_id IS NULL",
               {answers.dump(), nlohmann::json(given_fields).dump(), nlohmann::json(completed_sections).dump(),
                version, platform::iso_timestamp(now), platform::iso_timestamp(draft_expiry(now, lifetime_)),
                draft_id}) == 1;
  });
}

std::string DraftStore::issue_resume_code(int64_t draft_id) {
  return db_.write([&](Connection& c) {
    for (int attempt = 0;; ++attempt) {
      std::string code = make_resume_code(random_u64());
      try {
        c.savepoint([&] {
          c.execute("UPDATE application_drafts SET resume_code_hash = ? WHERE id = ?", {hash(code), draft_id});
        });
        return code;
      } catch (const DbError& e) {
        if (!e.is_unique_violation() || attempt == 4) throw;
      }
    }
  });
}

bool DraftStore::resume_code_matches(int64_t draft_id, std::string_view code) const {
  auto stored = db_.read([&](Connection& c) {
    auto row = c.query_one("SELECT resume_code_hash FROM application_drafts WHERE id = ?", {draft_id});
    return row ? row->text(0) : std::string();
  });
  return !stored.empty() && platform::crypto::constant_time_equal(stored, hash(code));
}

std::optional<Draft> DraftStore::find_by_resume_code(std::string_view code) const {
  return db_.read([&](Connection& c) -> std::optional<Draft> {
    auto row = c.query_one(std::string(kSelect) + "WHERE d.resume_code_hash = ?", {hash(code)});
    if (!row) return std::nullopt;
    return from_row(*row);
  });
}

std::string DraftStore::move_to_new_browser(int64_t draft_id) {
  std::string token = platform::crypto::random_token(32);
  db_.write([&](Connection& c) {
    c.execute("UPDATE application_drafts SET token_hash = ?, resume_code_hash = NULL WHERE id = ?",
              {hash(token), draft_id});
  });
  return token;
}

std::vector<Draft> DraftStore::list_for_account(int64_t citizen_account_id) const {
  std::string now = platform::iso_timestamp(clock_());
  return db_.read([&](Connection& c) {
    std::vector<Draft> out;
    for (const auto& r : c.query(std::string(kSelect) +
                                     "WHERE d.citizen_account_id = ? AND d.application_id IS NULL AND d.expires_at > ? "
                                     "ORDER BY d.updated_at DESC",
                                 {citizen_account_id, now})) {
      out.push_back(from_row(r));
    }
    return out;
  });
}

bool DraftStore::link_application(Connection& connection, int64_t draft_id, int64_t application_id) {
  return connection.execute(
             "UPDATE application_drafts SET application_id = ?, answers = '{}', resume_code_hash = NULL "
             "WHERE id = ? AND application_id IS NULL",
             {application_id, draft_id}) == 1;
}

bool DraftStore::link_submitted(int64_t draft_id, int64_t application_id) {
  return db_.write([&](Connection& c) { return link_application(c, draft_id, application_id); });
}

size_t DraftStore::purge_expired() {
  std::string now = platform::iso_timestamp(clock_());
  return static_cast<size_t>(db_.write([&](Connection& c) {
    return c.execute(
        "UPDATE application_drafts SET answers = '{}', resume_code_hash = NULL "
        "WHERE expires_at <= ? AND (answers != '{}' OR resume_code_hash IS NOT NULL)",
        {now});
  }));
}

}  // namespace madoguchi::applications
