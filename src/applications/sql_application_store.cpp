#include "applications/sql_application_store.h"

#include "applications/reference.h"
#include "applications/status_code.h"
#include "platform/crypto.h"
#include "platform/time.h"

namespace madoguchi::applications {

using platform::db::Connection;
using platform::db::DbError;
using platform::db::Row;

namespace {

constexpr std::string_view kColumns =
    "id, reference, procedure_id, procedure_version, department, ward, channel, status, answers, row_version, "
    "applicant_name, applicant_birth_date, contact_email, citizen_account_id, submitted_at, updated_at, due_on";

Application from_row(const Row& r) {
  Application a;
  a.id = r.integer(0);
  a.reference = r.text(1);
  a.procedure_id = r.text(2);
  a.procedure_version = static_cast<int>(r.integer(3));
  a.department = r.text(4);
  a.ward = r.optional_text(5);
  a.channel = r.text(6);
  a.status = status_from_string(r.text(7)).value_or(Status::submitted);
  a.answers = nlohmann::json::parse(r.text(8));
  a.row_version = static_cast<int>(r.integer(9));
  a.applicant_name = r.text(10);
  a.applicant_birth_date = r.optional_text(11);
  a.contact_email = r.optional_text(12);
  a.citizen_account_id = r.optional_integer(13);
  a.submitted_at = r.text(14);
  a.updated_at = r.text(15);
  a.due_on = r.optional_text(16);
  return a;
}

std::string select_sql(std::string_view where) {
  return "SELECT " + std::string(kColumns) + " FROM applications " + std::string(where);
}

nlohmann::json submitted_to_json(const Submitted& s) {
  return {{"id", s.id},
          {"reference", s.reference},
          {"status_secret", s.status_secret},
          {"submitted_at", s.submitted_at},
          {"due_on", s.due_on ? nlohmann::json(*s.due_on) : nlohmann::json(nullptr)}};
}

Submitted submitted_from_json(const nlohmann::json& j) {
  Submitted s;
  s.id = j.at("id").get<int64_t>();
  s.reference = j.at("reference").get<std::string>();
  s.status_secret = j.at("status_secret").get<std::string>();
  s.submitted_at = j.at("submitted_at").get<std::string>();
  if (!j.at("due_on").is_null()) s.due_on = j.at("due_on").get<std::string>();
  return s;
}

void add_event(Connection& c, int64_t id, const std::string& at, std::string_view kind, Status status,
               const std::string& actor, const nlohmann::json& detail) {
  c.execute("INSERT INTO application_events (application_id, at, kind, status, actor, detail) VALUES (?, ?, ?, ?, ?, ?)",
            {id, at, kind, to_string(status), actor, detail.dump()});
}

// Moves the row version on if it is still `expected_row_version` (the row is
// then held until the transaction ends: a change on another node waits, then
// finds it stale); returns the current status.
Status claim_row_version(Connection& c, int64_t id, int expected_row_version, const std::string& now) {
  if (c.execute("UPDATE applications SET row_version = row_version + 1, updated_at = ? WHERE id = ? AND row_version = ?",
                {now, id, expected_row_version}) != 1) {
    if (!c.query_one("SELECT 1 FROM applications WHERE id = ?", {id})) {
      throw InvalidTransition("no application " + std::to_string(id));
    }
    throw StaleRevision("application changed since row version " + std::to_string(expected_row_version));
  }
  auto row = c.query_one("SELECT status FROM applications WHERE id = ?", {id});
  return status_from_string(row->text(0)).value_or(Status::submitted);
}

// Claims the expected row version and checks the move is allowed; returns the current status.
Status check_change(Connection& c, int64_t id, int expected_row_version, Status to, const std::string& now) {
  const Status from = claim_row_version(c, id, expected_row_version, now);
  if (!can_move(from, to)) {
    throw InvalidTransition("cannot move from " + std::string(to_string(from)) + " to " + std::string(to_string(to)));
  }
  return from;
}

}  // namespace

namespace {

std::optional<Submitted> stored_result(Connection& c, const IdempotencyRequest& idem) {
  auto row = c.query_one("SELECT request_hash, response FROM idempotency_keys WHERE key = ? AND status <> 0", {idem.key});
  if (!row) return std::nullopt;
  if (row->text(0) != idem.request_hash) throw IdempotencyConflict("Idempotency-Key reused for another request");
  return submitted_from_json(nlohmann::json::parse(row->text(1)));
}

}  // namespace

std::optional<Submitted> SqlApplicationStore::replay(const IdempotencyRequest& idempotency) {
  return db_.read([&](Connection& c) { return stored_result(c, idempotency); });
}

SubmitOutcome SqlApplicationStore::submit(const NewApplication& a, const std::optional<IdempotencyRequest>& idem) {
  std::string secret = make_status_code(platform::crypto::random_bytes(10));
  return db_.write([&](Connection& c) -> SubmitOutcome {
    std::string now = platform::now_iso();
    // The key is claimed first: a second request with it, on any node, waits
    // here until this one commits, then replays its answer.
    if (idem && c.execute("INSERT INTO idempotency_keys (key, request_hash, status, response, created_at) "
                          "VALUES (?, ?, 0, '', ?) ON CONFLICT (key) DO NOTHING",
                          {idem->key, idem->request_hash, now}) == 0) {
      if (auto first = stored_result(c, *idem)) return {SubmitOutcome::Kind::replayed, *first};
      throw IdempotencyConflict("Idempotency-Key is being used by a request that did not finish");
    }
    Submitted s;
    s.status_secret = secret;
    s.submitted_at = now;
    s.due_on = a.due_on;
    for (int attempt = 0;; ++attempt) {
      auto random = platform::crypto::random_bytes(8);
      uint64_t bits = 0;
      for (uint8_t b : random) bits = (bits << 8) | b;
      s.reference = make_reference(bits);
      auto inserted = c.query_one(
          "INSERT INTO applications (reference, procedure_id, procedure_version, department, ward, channel, status, "
          "answers, applicant_name, applicant_birth_date, contact_email, status_secret_hash, citizen_account_id, "
          "submitted_at, updated_at, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (reference) DO NOTHING RETURNING id",
          {s.reference, a.procedure_id, a.procedure_version, a.department, a.ward, a.channel,
           to_string(Status::submitted), a.answers.dump(), a.applicant_name, a.applicant_birth_date, a.contact_email,
           platform::crypto::sha256_hex(secret), a.citizen_account_id, now, now, a.due_on});
      if (inserted) {
        s.id = inserted->integer(0);
        break;
      }
      if (attempt == 8) throw DbError(DbError::Kind::other, "no free reference after nine tries");
    }
    int revision = 1;
    if (a.entered_answers) {
      c.execute("INSERT INTO application_revisions (application_id, revision, answers, created_at, note) "
                "VALUES (?, 1, ?, ?, 'entered')",
                {s.id, a.entered_answers->dump(), now});
      revision = 2;
    }
    c.execute("INSERT INTO application_revisions (application_id, revision, answers, created_at, note) VALUES (?, ?, ?, ?, ?)",
              {s.id, revision, a.answers.dump(), now, a.entered_answers ? "corrected_at_counter" : ""});
    add_event(c, s.id, now, "submitted", Status::submitted, a.submitted_by, {{"channel", a.channel}});
    for (const auto& upload : a.upload_ids) {
      if (c.execute("UPDATE uploads SET application_id = ? WHERE id = ? AND application_id IS NULL", {s.id, upload}) != 1) {
        throw UploadUnavailable(upload);
      }
    }
    if (idem) {
      c.execute("UPDATE idempotency_keys SET status = 201, response = ? WHERE key = ?",
                {submitted_to_json(s).dump(), idem->key});
    }
    if (a.within_transaction) a.within_transaction(c, s);
    return {SubmitOutcome::Kind::created, s};
  });
}

std::optional<Application> SqlApplicationStore::find(std::string_view reference) {
  return db_.read([&](Connection& c) -> std::optional<Application> {
    auto row = c.query_one(select_sql("WHERE reference = ?"), {reference});
    if (!row) return std::nullopt;
    return from_row(*row);
  });
}

std::optional<Application> SqlApplicationStore::find_by_id(int64_t id) {
  return db_.read([&](Connection& c) -> std::optional<Application> {
    auto row = c.query_one(select_sql("WHERE id = ?"), {id});
    if (!row) return std::nullopt;
    return from_row(*row);
  });
}

bool SqlApplicationStore::check_status_secret(std::string_view reference, std::string_view secret) {
  auto stored = db_.read([&](Connection& c) {
    auto row = c.query_one("SELECT status_secret_hash FROM applications WHERE reference = ?", {reference});
    return row ? row->text(0) : std::string();
  });
  // A status code as typed (any case, width or grouping); an older secret exactly as issued.
  auto code = parse_status_code(secret);
  return !stored.empty() &&
         platform::crypto::constant_time_equal(stored, platform::crypto::sha256_hex(code ? *code : std::string(secret)));
}

std::vector<ApplicationEvent> SqlApplicationStore::events(int64_t application_id) {
  return db_.read([&](Connection& c) {
    std::vector<ApplicationEvent> out;
    for (const auto& r : c.query("SELECT id, at, kind, status, actor, detail FROM application_events "
                                 "WHERE application_id = ? ORDER BY id",
                                 {application_id})) {
      out.push_back({r.integer(0), r.text(1), r.text(2), status_from_string(r.text(3)).value_or(Status::submitted),
                     r.text(4), nlohmann::json::parse(r.text(5))});
    }
    return out;
  });
}

std::vector<Revision> SqlApplicationStore::revisions(int64_t application_id) {
  return db_.read([&](Connection& c) {
    std::vector<Revision> out;
    for (const auto& r : c.query("SELECT revision, answers, created_at, note FROM application_revisions "
                                 "WHERE application_id = ? ORDER BY revision",
                                 {application_id})) {
      out.push_back({static_cast<int>(r.integer(0)), nlohmann::json::parse(r.text(1)), r.text(2), r.text(3)});
    }
    return out;
  });
}

std::vector<Application> SqlApplicationStore::list_for_account(int64_t account_id) {
  return db_.read([&](Connection& c) {
    std::vector<Application> out;
    for (const auto& r : c.query(select_sql("WHERE citizen_account_id = ? ORDER BY submitted_at DESC"), {account_id})) {
      out.push_back(from_row(r));
    }
    return out;
  });
}

namespace {

// What a back-office change adds to its transaction: a new due date, the
// uploads it claims, then the caller's own writes.
void finish_change(Connection& c, int64_t id, int row_version, const ChangeOptions& options) {
  if (options.due_on) c.execute("UPDATE applications SET due_on = ? WHERE id = ?", {*options.due_on, id});
  for (const auto& upload : options.upload_ids) {
    if (c.execute("UPDATE uploads SET application_id = ? WHERE id = ? AND (application_id IS NULL OR application_id = ?)",
                  {id, upload, id}) != 1) {
      throw UploadUnavailable(upload);
    }
  }
  if (options.within_transaction) options.within_transaction(c, row_version);
}

}  // namespace

int SqlApplicationStore::change_status(int64_t id, int expected_row_version, Status to, const std::string& actor,
                                          const nlohmann::json& detail, const ChangeOptions& options) {
  return db_.write([&](Connection& c) {
    std::string now = platform::now_iso();
    check_change(c, id, expected_row_version, to, now);
    c.execute("UPDATE applications SET status = ? WHERE id = ?", {to_string(to), id});
    add_event(c, id, now, "status_changed", to, actor, detail);
    finish_change(c, id, expected_row_version + 1, options);
    return expected_row_version + 1;
  });
}

int SqlApplicationStore::resubmit(int64_t id, int expected_row_version, const nlohmann::json& answers,
                                     const std::string& note, const ChangeOptions& options) {
  return db_.write([&](Connection& c) {
    std::string now = platform::now_iso();
    check_change(c, id, expected_row_version, Status::resubmitted, now);
    auto next = c.query_one("SELECT coalesce(max(revision), 0) + 1 FROM application_revisions WHERE application_id = ?", {id});
    c.execute("INSERT INTO application_revisions (application_id, revision, answers, created_at, note) VALUES (?, ?, ?, ?, ?)",
              {id, next->integer(0), answers.dump(), now, note});
    c.execute("UPDATE applications SET status = ?, answers = ? WHERE id = ?",
              {to_string(Status::resubmitted), answers.dump(), id});
    add_event(c, id, now, "resubmitted", Status::resubmitted, "citizen", {{"answers_revision", next->integer(0)}});
    finish_change(c, id, expected_row_version + 1, options);
    return expected_row_version + 1;
  });
}

int SqlApplicationStore::record_change(int64_t id, int expected_row_version, const std::string& kind,
                                          const std::string& actor, const nlohmann::json& detail,
                                          const ChangeOptions& options) {
  return db_.write([&](Connection& c) {
    std::string now = platform::now_iso();
    const Status status = claim_row_version(c, id, expected_row_version, now);
    if (is_final(status)) throw InvalidTransition("application is " + std::string(to_string(status)));
    add_event(c, id, now, kind, status, actor, detail);
    finish_change(c, id, expected_row_version + 1, options);
    return expected_row_version + 1;
  });
}

}  // namespace madoguchi::applications
