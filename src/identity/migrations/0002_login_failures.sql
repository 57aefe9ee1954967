-- Wrong passwords and one-time codes, counted per account and client
-- address: five in a row lock that client out of that account for a while,
-- never the account's owner signing in from elsewhere (identity/lockout.h).
-- account_id 0 stands for a login or address that has no account. The
-- failed_logins and locked_until columns of the account tables are no longer
-- used. Rows untouched for a day are deleted.
CREATE TABLE login_failures (
  account_kind  TEXT NOT NULL CHECK (account_kind IN ('staff', 'citizen')),
  account_id    INTEGER NOT NULL,
  client_hash   TEXT NOT NULL,   -- SHA-256 of the client address
  failures      INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (account_kind, account_id, client_hash)
);
CREATE INDEX login_failures_by_time ON login_failures (updated_at);
CREATE INDEX login_failures_by_account ON login_failures (account_kind, account_id);
