-- Case work (back office): who works on a case, correction requests, drafted
-- decisions and the approval steps taken on them, internal notes, and the
-- notices issued. The case itself is the applications row (status,
-- row_version, due_on): every change here is written inside the transaction
-- of an ApplicationStore change, so it commits with the new row version.
-- Times are UTC text as written by platform::iso_timestamp; dates are ISO.

-- Who works on a case (one row while someone does).
CREATE TABLE casework_assignments (
  application_id  INTEGER PRIMARY KEY REFERENCES applications(id),
  assignee        TEXT NOT NULL,  -- staff login
  assigned_by     TEXT NOT NULL,
  assigned_at     TEXT NOT NULL
);
CREATE INDEX casework_assignments_by_assignee ON casework_assignments (assignee);

-- 補正依頼 (差戻し): the top-level fields the citizen is asked to fix and why.
CREATE TABLE casework_corrections (
  id                INTEGER PRIMARY KEY,
  application_id    INTEGER NOT NULL REFERENCES applications(id),
  fields            TEXT NOT NULL,      -- JSON list of top-level field ids
  message           TEXT NOT NULL,      -- to the citizen; shown, never logged
  requested_by      TEXT NOT NULL,
  requested_at      TEXT NOT NULL,
  answered_at       TEXT,               -- when the citizen resubmitted
  answers_revision  INTEGER             -- the answers revision that answered it
);
CREATE INDEX casework_corrections_by_application ON casework_corrections (application_id, id);

-- 起案: a proposed decision; it is pending until decided or sent back.
CREATE TABLE casework_drafts (
  id               INTEGER PRIMARY KEY,
  application_id   INTEGER NOT NULL REFERENCES applications(id),
  outcome          TEXT NOT NULL CHECK (outcome IN ('approve', 'reject')),
  reason           TEXT NOT NULL,        -- printed on the notice
  delivery         TEXT NOT NULL CHECK (delivery IN ('electronic', 'post')),
  postal_code      TEXT NOT NULL DEFAULT '',
  address          TEXT NOT NULL DEFAULT '',  -- lines joined by a line feed
  state            TEXT NOT NULL CHECK (state IN ('pending', 'returned', 'decided')),
  next_step_index  INTEGER NOT NULL,     -- the chain step waiting (chain length once decided)
  chain            TEXT NOT NULL,        -- the chain at drafting time (JSON), so a later change to the procedure does not move it
  created_at       TEXT NOT NULL,
  closed_at        TEXT
);
CREATE INDEX casework_drafts_by_application ON casework_drafts (application_id, id);
CREATE UNIQUE INDEX casework_drafts_one_pending ON casework_drafts (application_id) WHERE state = 'pending';

-- Each step taken on a draft: step 0 is the draft itself.
CREATE TABLE casework_approval_acts (
  draft_id    INTEGER NOT NULL REFERENCES casework_drafts(id),
  step_index  INTEGER NOT NULL,
  step        TEXT NOT NULL CHECK (step IN ('draft', 'review', 'decision')),
  actor       TEXT NOT NULL,     -- staff login
  act         TEXT NOT NULL CHECK (act IN ('drafted', 'approved', 'returned')),
  comment     TEXT NOT NULL DEFAULT '',
  at          TEXT NOT NULL,
  PRIMARY KEY (draft_id, step_index)
) WITHOUT ROWID;

-- Internal notes: staff only, never shown to the citizen.
CREATE TABLE casework_notes (
  id              INTEGER PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications(id),
  author          TEXT NOT NULL,
  body            TEXT NOT NULL,
  created_at      TEXT NOT NULL
);
CREATE INDEX casework_notes_by_application ON casework_notes (application_id, id);

-- Issued notices: the signed record (documents::to_json) and the PDF exactly
-- as issued, and the model to print the mail centre's copy again.
CREATE TABLE casework_documents (
  document_id     TEXT PRIMARY KEY,
  application_id  INTEGER NOT NULL REFERENCES applications(id),
  draft_id        INTEGER NOT NULL REFERENCES casework_drafts(id),
  outcome         TEXT NOT NULL CHECK (outcome IN ('approve', 'reject')),
  title           TEXT NOT NULL,
  signed_record   TEXT NOT NULL,
  pdf             BLOB NOT NULL,
  notice_model    TEXT NOT NULL,
  delivery        TEXT NOT NULL CHECK (delivery IN ('electronic', 'post')),
  department      TEXT NOT NULL,
  ward            TEXT,
  missing_characters TEXT NOT NULL DEFAULT '',  -- characters the fonts lack (printed as 〓): write them by hand
  issued_at       TEXT NOT NULL,
  issued_on       TEXT NOT NULL   -- the date in Japan: the mail centre's batch day
);
CREATE INDEX casework_documents_by_application ON casework_documents (application_id);
CREATE INDEX casework_documents_mail ON casework_documents (delivery, issued_on);

-- The queue read model (queue_reader.h) walks open cases of a department in
-- due-date order; these partial indexes let it page and count without a sort
-- or a table lookup per row, at any number of closed cases.
CREATE INDEX casework_open_by_department ON applications (department, due_on, id, ward)
  WHERE status IN ('submitted', 'in_review', 'correction_requested', 'resubmitted', 'awaiting_approval');
CREATE INDEX casework_open_by_due ON applications (due_on, id, ward)
  WHERE status IN ('submitted', 'in_review', 'correction_requested', 'resubmitted', 'awaiting_approval');
