#include "platform/db/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <memory>

namespace madoguchi::platform::db {

namespace {

// libpq's type OIDs (catalog/pg_type_d.h, stable since PostgreSQL 7).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

DbError::Kind kind_of(std::string_view sqlstate) {
  if (sqlstate == "23505") return DbError::Kind::unique_violation;
  if (sqlstate.starts_with("23") || sqlstate == "P0001") return DbError::Kind::constraint_violation;
  if (sqlstate == "40001" || sqlstate == "40P01") return DbError::Kind::serialization_failure;
  if (sqlstate.starts_with("08") || sqlstate.starts_with("53") || sqlstate.starts_with("57") ||
      sqlstate == "25006" || sqlstate == "58030") {
    return DbError::Kind::unavailable;
  }
  return DbError::Kind::other;
}

std::string trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Blob bytea_from_text(std::string_view text) {
  Blob out;
  if (!text.starts_with("\\x")) throw DbError(DbError::Kind::other, "bytea not in hex format");
  out.reserve((text.size() - 2) / 2);
  for (size_t i = 2; i + 1 < text.size(); i += 2) {
    int hi = hex_digit(text[i]), lo = hex_digit(text[i + 1]);
    if (hi < 0 || lo < 0) throw DbError(DbError::Kind::other, "bad hex in bytea");
    out.push_back(static_cast<uint8_t>(hi * 16 + lo));
  }
  return out;
}

Value column_value(PGresult* result, int row, int column) {
  if (PQgetisnull(result, row, column)) return nullptr;
  const char* data = PQgetvalue(result, row, column);
  const auto length = static_cast<size_t>(PQgetlength(result, row, column));
  std::string_view text(data, length);
  switch (PQftype(result, column)) {
    case kBool:
      return static_cast<int64_t>(text == "t" ? 1 : 0);
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid: {
      int64_t n = 0;
      std::from_chars(text.data(), text.data() + text.size(), n);
      return n;
    }
    case kNumeric:
      if (text.find_first_of(".eE") == std::string_view::npos) {
        int64_t n = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec == std::errc() && end == text.data() + text.size()) return n;
      }
      return std::strtod(std::string(text).c_str(), nullptr);
    case kFloat4:
    case kFloat8:
      return std::strtod(std::string(text).c_str(), nullptr);
    case kBytea:
      return bytea_from_text(text);
    default:
      return std::string(text);
  }
}

// Parameters as libpq takes them: text for all but bytea, which goes binary.
struct Bound {
  std::vector<Oid> types;
  std::vector<std::string> texts;
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;

  explicit Bound(const Params& params) {
    const size_t n = params.size();
    types.resize(n);
    texts.resize(n);
    values.resize(n);
    lengths.resize(n);
    formats.resize(n);
    for (size_t i = 0; i < n; ++i) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              values[i] = nullptr;
            } else if constexpr (std::is_same_v<T, int64_t>) {
              types[i] = kInt8;
              texts[i] = std::to_string(v);
            } else if constexpr (std::is_same_v<T, double>) {
              types[i] = kFloat8;
              char buffer[32];
              std::snprintf(buffer, sizeof buffer, "%.17g", v);
              texts[i] = buffer;
            } else if constexpr (std::is_same_v<T, std::string>) {
              texts[i] = v;
            } else {
              types[i] = kBytea;
              formats[i] = 1;
              values[i] = reinterpret_cast<const char*>(v.data());
              lengths[i] = static_cast<int>(v.size());
            }
          },
          params[i].value);
      if (formats[i] == 0 && !std::holds_alternative<std::nullptr_t>(params[i].value)) {
        values[i] = texts[i].c_str();
        lengths[i] = static_cast<int>(texts[i].size());
      }
    }
  }
};

}  // namespace

std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int number = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      const size_t end = sql.find(c, i + 1);
      const size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      out += '$';  // ?NNN, SQLite's numbered form, is $NNN
    } else if (c == '?') {
      out += '$' + std::to_string(++number);
    } else {
      out += c;
    }
  }
  return out;
}

PgConnection::PgConnection(const std::string& url, Mode, PgOptions options) : options_(options) {
  const std::string timeout = std::to_string(options_.connect_timeout_seconds);
  const char* keywords[] = {"dbname", "connect_timeout", "application_name", "keepalives_idle", "keepalives_interval",
                            "keepalives_count", "tcp_user_timeout", nullptr};
  const char* values[] = {url.c_str(), timeout.c_str(), "madoguchi", "10", "5", "3", "15000", nullptr};
  conn_ = PQconnectdbParams(keywords, values, 1);
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string message = conn_ ? trimmed(PQerrorMessage(conn_)) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    throw DbError(DbError::Kind::unavailable, "cannot connect to PostgreSQL: " + message, "08001");
  }
  PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);  // NOTICEs (IF NOT EXISTS …) are not errors
  std::string setup = "SET TIME ZONE 'UTC'; SET client_encoding = 'UTF8'; SET statement_timeout = " +
                      std::to_string(options_.statement_timeout_ms) + ";";
  exec(setup);
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::healthy() const { return conn_ && PQstatus(conn_) == CONNECTION_OK; }

void PgConnection::fail(PGresult* result, std::string_view context) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state ? state : "";
  std::string message = result ? trimmed(PQresultErrorMessage(result)) : trimmed(PQerrorMessage(conn_));
  if (message.empty()) message = trimmed(PQerrorMessage(conn_));
  if (result) PQclear(result);
  auto kind = kind_of(sqlstate);
  if (!healthy()) kind = DbError::Kind::unavailable;
  if (sqlstate.empty() && kind == DbError::Kind::other) kind = DbError::Kind::unavailable;
  throw DbError(kind, std::string(context) + ": " + message, sqlstate);
}

void PgConnection::exec(std::string_view sql) {
  PGresult* result = PQexec(conn_, std::string(sql).c_str());
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result, "sql failed");
  PQclear(result);
}

PGresult* PgConnection::run(std::string_view sql, const Params& params) {
  Bound bound(params);
  const int n = static_cast<int>(params.size());
  PGresult* result = nullptr;
  if (options_.prepare) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      Result prepared(PQprepare(conn_, name.c_str(), numbered_placeholders(sql).c_str(), n, bound.types.data()));
      if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) fail(prepared.release(), "prepare " + std::string(sql.substr(0, 300)));
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    result = PQexecPrepared(conn_, it->second.c_str(), n, bound.values.data(), bound.lengths.data(),
                            bound.formats.data(), 0);
  } else {
    result = PQexecParams(conn_, numbered_placeholders(sql).c_str(), n, bound.types.data(), bound.values.data(),
                          bound.lengths.data(), bound.formats.data(), 0);
  }
  const auto status = PQresultStatus(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(result, "query failed: " + std::string(sql.substr(0, 300)));
  return result;
}

int64_t PgConnection::execute(std::string_view sql, const Params& params) {
  Result result(run(sql, params));
  const char* changed = PQcmdTuples(result.get());
  return changed && *changed ? std::strtoll(changed, nullptr, 10) : 0;
}

std::vector<Row> PgConnection::query(std::string_view sql, const Params& params) {
  Result result(run(sql, params));
  const int rows = PQntuples(result.get());
  const int columns = PQnfields(result.get());
  std::vector<Row> out;
  out.reserve(static_cast<size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(columns));
    for (int c = 0; c < columns; ++c) values.push_back(column_value(result.get(), r, c));
    out.emplace_back(std::move(values));
  }
  return out;
}

void PgConnection::lock(std::string_view name) { execute("SELECT pg_advisory_xact_lock(hashtext(?))", {name}); }

}  // namespace madoguchi::platform::db
