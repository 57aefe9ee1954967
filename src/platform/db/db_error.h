// DbError: a database failure, classified the same way whatever the driver,
// so callers and the HTTP layer can tell a taken unique key, a transaction to
// run again, and a database that cannot be reached (503) from a bug.
#pragma once

#include <stdexcept>
#include <string>

namespace madoguchi::platform::db {

class DbError : public std::runtime_error {
 public:
  enum class Kind {
    other,                  // a bug or bad SQL
    unique_violation,       // a UNIQUE or PRIMARY KEY constraint failed
    constraint_violation,   // another constraint (CHECK, NOT NULL, FOREIGN KEY, a guard trigger)
    serialization_failure,  // the transaction lost a race (deadlock, serialization): run it again
    unavailable,            // cannot reach the database, or it cannot write (disk full, read-only, shutting down)
    outcome_unknown,        // the connection was lost during COMMIT: the write may or may not have happened
  };

  DbError(Kind kind, const std::string& message, std::string native_code = {})
      : std::runtime_error(message), kind_(kind), native_code_(std::move(native_code)) {}

  Kind kind() const { return kind_; }
  // SQLite's extended result code as text, or PostgreSQL's SQLSTATE.
  const std::string& native_code() const { return native_code_; }
  bool is_unique_violation() const { return kind_ == Kind::unique_violation; }
  // The request cannot be served now but may be later: answer 503 with Retry-After.
  bool is_unavailable() const { return kind_ == Kind::unavailable || kind_ == Kind::outcome_unknown; }

 private:
  Kind kind_;
  std::string native_code_;
};

}  // namespace madoguchi::platform::db
