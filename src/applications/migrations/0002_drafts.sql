-- Drafts (下書き): answers a citizen has entered on the web but not yet
-- submitted, kept for a limited time and resumable on another device. The
-- browser holds a random token in a cookie; only its SHA-256 is stored, and
-- the same goes for the resume code shown on screen or mailed.
CREATE TABLE application_drafts (
  id                  INTEGER PRIMARY KEY,
  public_id           TEXT NOT NULL UNIQUE,          -- random; names the draft in URLs, grants nothing alone
  token_hash          TEXT NOT NULL,                 -- sha256 of the browser's token (rotated on resume)
  resume_code_hash    TEXT UNIQUE,                   -- sha256 of the outstanding resume code, if any
  procedure_id        TEXT NOT NULL,
  procedure_version   INTEGER NOT NULL,              -- the form version the answers were entered for
  channel             TEXT NOT NULL CHECK (channel IN ('online', 'counter')),
  answers             TEXT NOT NULL DEFAULT '{}',    -- as last entered (JSON); emptied once submitted or expired
  completed_sections  TEXT NOT NULL DEFAULT '[]',    -- ids of the pages passed with valid answers (JSON)
  citizen_account_id  INTEGER,                       -- the signed-in citizen who owns it, if any
  application_id      INTEGER REFERENCES applications(id),  -- set in the transaction that submits it
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  expires_at          TEXT NOT NULL                  -- refreshed on every save
);
CREATE INDEX application_drafts_account ON application_drafts (citizen_account_id);
CREATE INDEX application_drafts_expiry ON application_drafts (expires_at);

-- A file uploaded from a draft's page is kept as long as the draft lives.
ALTER TABLE uploads ADD COLUMN draft_id INTEGER REFERENCES application_drafts(id);

-- Failed guesses at secrets that are short enough to be typed (status look-up
-- by reference and birth date or e-mail, resume codes), counted per window so
-- they can be limited. Keys are hashed: no reference or address is kept here.
CREATE TABLE access_attempts (
  scope         TEXT NOT NULL,
  key_hash      TEXT NOT NULL,
  window_start  TEXT NOT NULL,
  failures      INTEGER NOT NULL,
  PRIMARY KEY (scope, key_hash)
);
