// The SQL our migrations are written in is SQLite's, kept to what both
// engines share; this turns it into PostgreSQL's: INTEGER → BIGINT, a lone
// INTEGER PRIMARY KEY → an identity column, BLOB → BYTEA, REAL → DOUBLE
// PRECISION, no WITHOUT ROWID, and the guard triggers that SELECT
// RAISE(ABORT, '…') → a trigger function that raises. What it cannot
// translate is an error naming the file to write instead (NNNN_name.postgresql.sql).
#pragma once

#include <string>
#include <string_view>

namespace madoguchi::platform::db {

// Throws std::runtime_error saying what could not be translated.
std::string sqlite_to_postgresql(std::string_view sql);

}  // namespace madoguchi::platform::db
