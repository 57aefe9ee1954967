-- Applications: one row per submitted application (申請), the spine that the
-- booking, the queue ticket, the case and the notice all refer to by reference.
CREATE TABLE applications (
  id                  INTEGER PRIMARY KEY,
  reference           TEXT NOT NULL UNIQUE,          -- MDG-XXXX-XXXX
  procedure_id        TEXT NOT NULL,
  procedure_version   INTEGER NOT NULL,
  department          TEXT NOT NULL,                 -- 担当局区 code at submission
  ward                TEXT,                          -- Sendai ward code from the address, if any
  channel             TEXT NOT NULL CHECK (channel IN ('online', 'counter', 'mail')),
  status              TEXT NOT NULL,
  answers             TEXT NOT NULL,                 -- normalised answers (JSON), current revision
  row_version         INTEGER NOT NULL DEFAULT 1,    -- bumps on every change (optimistic concurrency)
  applicant_name      TEXT NOT NULL DEFAULT '',
  applicant_birth_date TEXT,                         -- ISO date, for the status look-up
  contact_email       TEXT,                          -- lower-cased, for the status look-up and mail
  status_secret_hash  TEXT NOT NULL,                 -- sha256 of the status-access secret
  citizen_account_id  INTEGER,
  submitted_at        TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  due_on              TEXT                           -- ISO date: standard processing period in business days
);
CREATE INDEX applications_queue ON applications (department, status, due_on);
CREATE INDEX applications_procedure ON applications (procedure_id, status);
CREATE INDEX applications_account ON applications (citizen_account_id);

-- Every version of the answers, so corrections keep both (差戻し → 再提出).
CREATE TABLE application_revisions (
  application_id  INTEGER NOT NULL REFERENCES applications(id),
  revision        INTEGER NOT NULL,
  answers         TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (application_id, revision)
);

-- The timeline a citizen and staff see: submitted, in review, returned, decided.
CREATE TABLE application_events (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications(id),
  at              TEXT NOT NULL,
  kind            TEXT NOT NULL,
  status          TEXT NOT NULL,
  actor           TEXT NOT NULL DEFAULT '',
  detail          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX application_events_by_application ON application_events (application_id, id);

-- Files uploaded before submission; claimed by the application that uses them.
CREATE TABLE uploads (
  id              TEXT PRIMARY KEY,
  sha256          TEXT NOT NULL,
  size            INTEGER NOT NULL,
  media_type      TEXT NOT NULL,
  filename        TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  application_id  INTEGER REFERENCES applications(id)
);
CREATE INDEX uploads_unclaimed ON uploads (application_id, created_at);

-- Idempotency-Key: a repeated submit returns the first answer.
CREATE TABLE idempotency_keys (
  key             TEXT PRIMARY KEY,
  request_hash    TEXT NOT NULL,
  status          INTEGER NOT NULL,
  response        TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
