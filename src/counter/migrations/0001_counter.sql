-- Pre-entry codes (事前入力コード): what a citizen's QR code refers to. Only the
-- random serial is kept (the code's MAC is computed again from the key). A code
-- is used once, by the intake that took it in, and expires.
CREATE TABLE counter_pre_entries (
  id          INTEGER PRIMARY KEY,
  serial      TEXT NOT NULL UNIQUE,
  issued_at   TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT,
  intake_id   INTEGER
);

-- The drafts one code covers, in order (a life-event bundle covers several).
CREATE TABLE counter_pre_entry_drafts (
  pre_entry_id  INTEGER NOT NULL REFERENCES counter_pre_entries(id),
  position      INTEGER NOT NULL,
  draft_id      INTEGER NOT NULL REFERENCES application_drafts(id),
  PRIMARY KEY (pre_entry_id, position)
);
CREATE INDEX counter_pre_entry_drafts_by_draft ON counter_pre_entry_drafts (draft_id);

-- An intake (窓口受付): one visitor at the counter, taken in by a clerk.
CREATE TABLE counter_intakes (
  id                 INTEGER PRIMARY KEY,
  public_id          TEXT NOT NULL UNIQUE,   -- random; names the intake in staff URLs
  ward               TEXT,                   -- the clerk's ward, when the clerk has one
  clerk              TEXT NOT NULL,          -- staff login
  visit_reference    TEXT,                   -- the queue ticket or booking the visitor holds
  identity_document  TEXT,                   -- how identity was checked: mynumber_card, driving_licence, other
  card_items         TEXT,                   -- the card's basic four items (JSON), once read
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);

-- One procedure of an intake: the citizen's answers as entered, the answers
-- as corrected with the clerk, and the application once submitted.
CREATE TABLE counter_intake_items (
  id                 INTEGER PRIMARY KEY,
  intake_id          INTEGER NOT NULL REFERENCES counter_intakes(id),
  position           INTEGER NOT NULL,
  draft_id           INTEGER REFERENCES application_drafts(id),
  procedure_id       TEXT NOT NULL,
  procedure_version  INTEGER NOT NULL,
  entered_answers    TEXT NOT NULL,
  answers            TEXT NOT NULL,
  row_version        INTEGER NOT NULL DEFAULT 1,
  application_id     INTEGER REFERENCES applications(id),
  UNIQUE (intake_id, position)
);

-- The individual number (個人番号) read from the visitor's card, sealed with
-- SecretBox (keys/individual_number.key): never in answers, URLs or logs.
CREATE TABLE counter_individual_numbers (
  intake_id  INTEGER PRIMARY KEY REFERENCES counter_intakes(id),
  sealed     TEXT NOT NULL,
  read_at    TEXT NOT NULL,
  read_by    TEXT NOT NULL
);
