-- Identity: staff and citizen accounts, sessions, one-time e-mail tokens and
-- the append-only, hash-chained audit log. Times are UTC text as written by
-- platform::iso_timestamp (2025-04-01T09:00:00.000Z), so they sort as text.
-- References no module applied after identity.

CREATE TABLE staff_users (
  id                  INTEGER PRIMARY KEY,
  login               TEXT NOT NULL UNIQUE,         -- lower-case ASCII: [a-z0-9._-]
  display_name        TEXT NOT NULL,                -- exactly as typed (髙橋 﨑子)
  password_hash       TEXT NOT NULL,                -- argon2id, salt and parameters inside
  disabled            INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins       INTEGER NOT NULL DEFAULT 0,   -- consecutive wrong passwords or codes
  locked_until        TEXT,                         -- no attempt is checked before this
  totp_secret         TEXT,                         -- sealed (SecretBox); set: TOTP is on
  totp_pending_secret TEXT,                         -- sealed; while the user sets TOTP up
  totp_last_step      INTEGER,                      -- last accepted 30 s step: a code works once
  password_changed_at TEXT NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);

CREATE TABLE staff_roles (
  staff_id INTEGER NOT NULL REFERENCES staff_users (id),
  role     TEXT NOT NULL CHECK (role IN ('counter_clerk', 'processor', 'approver',
                                         'department_admin', 'system_admin', 'auditor')),
  PRIMARY KEY (staff_id, role)
) WITHOUT ROWID;
CREATE INDEX staff_roles_by_role ON staff_roles (role);

-- Department and ward codes a staff member works for; the code 'all' covers every one.
CREATE TABLE staff_scopes (
  staff_id INTEGER NOT NULL REFERENCES staff_users (id),
  kind     TEXT NOT NULL CHECK (kind IN ('department', 'ward')),
  code     TEXT NOT NULL,
  PRIMARY KEY (staff_id, kind, code)
) WITHOUT ROWID;

CREATE TABLE citizen_accounts (
  id             INTEGER PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE,  -- lower-cased
  password_hash  TEXT NOT NULL,         -- argon2id
  verified_at    TEXT,                  -- NULL until the e-mail link is followed: no sign-in before
  failed_logins  INTEGER NOT NULL DEFAULT 0,
  locked_until   TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);

-- Single-use links sent by e-mail; only the SHA-256 of the token is kept.
CREATE TABLE citizen_tokens (
  token_hash  TEXT PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES citizen_accounts (id),
  purpose     TEXT NOT NULL CHECK (purpose IN ('verify_email', 'reset_password')),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT
) WITHOUT ROWID;
CREATE INDEX citizen_tokens_by_account ON citizen_tokens (account_id, purpose);

-- Signed-in browsers; keyed by the SHA-256 of the cookie's random token.
CREATE TABLE sessions (
  token_hash            TEXT PRIMARY KEY,
  kind                  TEXT NOT NULL CHECK (kind IN ('staff', 'citizen')),
  principal_id          INTEGER NOT NULL,  -- staff_users.id or citizen_accounts.id
  second_factor_pending INTEGER NOT NULL DEFAULT 0 CHECK (second_factor_pending IN (0, 1)),
  created_at            TEXT NOT NULL,
  last_seen_at          TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_principal ON sessions (kind, principal_id);

-- The audit log: who saw or changed what, never the personal values
-- themselves. hash = SHA-256(prev_hash | canonical form of the row's fields),
-- seq counts from 1 without gaps, and audit_head holds the last (seq, hash)
-- under a MAC keyed by keys/audit.key, so altered, deleted, inserted or
-- truncated entries all show in `madoguchi audit verify`.
CREATE TABLE audit_log (
  seq           INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  actor_kind    TEXT NOT NULL,             -- staff, citizen, system, anonymous
  actor         TEXT NOT NULL DEFAULT '',  -- staff login, citizen:<id>, cli
  action        TEXT NOT NULL,             -- staff_login, case_viewed, access_denied, …
  subject_type  TEXT NOT NULL DEFAULT '',
  subject_id    TEXT NOT NULL DEFAULT '',
  detail        TEXT NOT NULL DEFAULT '{}',  -- JSON of codes and ids only
  ip            TEXT NOT NULL DEFAULT '',
  request_id    TEXT NOT NULL DEFAULT '',
  prev_hash     TEXT NOT NULL,
  hash          TEXT NOT NULL
);
CREATE INDEX audit_log_by_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_by_action ON audit_log (action, seq);
CREATE INDEX audit_log_by_subject ON audit_log (subject_id, seq);
CREATE INDEX audit_log_by_time ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE audit_head (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  seq   INTEGER NOT NULL,
  hash  TEXT NOT NULL,
  tag   TEXT NOT NULL  -- MAC of (seq, hash) under keys/audit.key
);
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
  SELECT RAISE(ABORT, 'audit_head cannot be deleted');
END;
