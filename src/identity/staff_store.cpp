#include "identity/staff_store.h"

#include <map>

#include "platform/time.h"

namespace madoguchi::identity::staff_store {

namespace {

using platform::db::Connection;
using platform::db::Row;

constexpr const char* kSelect =
    "SELECT id, login, display_name, password_hash, disabled, totp_secret, totp_pending_secret, totp_last_step "
    "FROM staff_users ";

struct Grants {
  RoleSet roles;
  std::vector<std::string> departments;
  std::vector<std::string> wards;
};

void add_grant(Grants& grants, const std::string& kind, const std::string& code) {
  if (kind == "role") {
    if (auto role = role_from_name(code)) grants.roles.add(*role);
  } else if (kind == "department") {
    grants.departments.push_back(code);
  } else {
    grants.wards.push_back(code);
  }
}

constexpr const char* kGrantsSql =
    "SELECT staff_id, 'role', role FROM staff_roles WHERE (CAST(?1 AS BIGINT) IS NULL OR staff_id = ?1) "
    "UNION ALL SELECT staff_id, kind, code FROM staff_scopes WHERE (CAST(?1 AS BIGINT) IS NULL OR staff_id = ?1)";

void apply(StaffUser& user, const Grants& grants) {
  user.roles = grants.roles;
  user.scope.departments = CodeSet::of(grants.departments);
  user.scope.wards = CodeSet::of(grants.wards);
}

StaffRow from_row(const Row& row) {
  StaffRow r;
  r.user.id = row.integer(0);
  r.user.login = row.text(1);
  r.user.display_name = row.text(2);
  r.password_hash = row.text(3);
  r.user.disabled = row.integer(4) != 0;
  r.totp_secret = row.optional_text(5);
  r.totp_pending_secret = row.optional_text(6);
  r.totp_last_step = row.optional_integer(7);
  r.user.totp_enabled = r.totp_secret.has_value();
  return r;
}

std::optional<StaffRow> with_grants(Connection& c, std::optional<Row> row) {
  if (!row) return std::nullopt;
  StaffRow r = from_row(*row);
  Grants grants;
  for (const auto& g : c.query(kGrantsSql, {r.user.id})) add_grant(grants, g.text(1), g.text(2));
  apply(r.user, grants);
  return r;
}

void touch(Connection& c, int64_t id, TimePoint now) {
  c.execute("UPDATE staff_users SET updated_at = ? WHERE id = ?", {platform::iso_timestamp(now), id});
}

}  // namespace

std::optional<StaffRow> find_by_login(Connection& c, std::string_view login) {
  return with_grants(c, c.query_one(std::string(kSelect) + "WHERE login = ?", {login}));
}

std::optional<StaffRow> find_by_id(Connection& c, int64_t id) {
  return with_grants(c, c.query_one(std::string(kSelect) + "WHERE id = ?", {id}));
}

std::vector<StaffUser> list(Connection& c) {
  std::map<int64_t, Grants> grants;
  for (const auto& g : c.query(kGrantsSql, {nullptr})) add_grant(grants[g.integer(0)], g.text(1), g.text(2));
  std::vector<StaffUser> users;
  for (const auto& row : c.query(std::string(kSelect) + "ORDER BY login")) {
    StaffUser user = from_row(row).user;
    apply(user, grants[user.id]);
    users.push_back(std::move(user));
  }
  return users;
}

int64_t insert(Connection& c, const StaffUser& user, const std::string& password_hash, TimePoint now) {
  std::string stamp = platform::iso_timestamp(now);
  const int64_t id = c.query_one(
                           "INSERT INTO staff_users (login, display_name, password_hash, disabled, password_changed_at, "
                           "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                           {user.login, user.display_name, password_hash, user.disabled, stamp, stamp, stamp})
                       ->integer(0);
  for (Role role : user.roles.roles()) {
    c.execute("INSERT INTO staff_roles (staff_id, role) VALUES (?, ?)", {id, role_name(role)});
  }
  for (const auto& code : user.scope.departments.codes()) {
    c.execute("INSERT INTO staff_scopes (staff_id, kind, code) VALUES (?, 'department', ?)", {id, code});
  }
  for (const auto& code : user.scope.wards.codes()) {
    c.execute("INSERT INTO staff_scopes (staff_id, kind, code) VALUES (?, 'ward', ?)", {id, code});
  }
  return id;
}

void set_password_hash(Connection& c, int64_t id, const std::string& hash, TimePoint now) {
  std::string stamp = platform::iso_timestamp(now);
  c.execute("UPDATE staff_users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?",
            {hash, stamp, stamp, id});
}

void set_disabled(Connection& c, int64_t id, bool disabled, TimePoint now) {
  c.execute("UPDATE staff_users SET disabled = ? WHERE id = ?", {disabled, id});
  touch(c, id, now);
}

void set_totp(Connection& c, int64_t id, const std::optional<std::string>& secret, std::optional<int64_t> last_step,
              TimePoint now) {
  c.execute("UPDATE staff_users SET totp_secret = ?, totp_pending_secret = NULL, totp_last_step = ? WHERE id = ?",
            {secret, last_step, id});
  touch(c, id, now);
}

void set_totp_pending(Connection& c, int64_t id, const std::optional<std::string>& sealed, TimePoint now) {
  c.execute("UPDATE staff_users SET totp_pending_secret = ? WHERE id = ?", {sealed, id});
  touch(c, id, now);
}

bool claim_totp_step(Connection& c, int64_t id, int64_t step, TimePoint now) {
  if (c.execute("UPDATE staff_users SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?)",
                {step, id, step}) != 1) {
    return false;
  }
  touch(c, id, now);
  return true;
}

}  // namespace madoguchi::identity::staff_store
