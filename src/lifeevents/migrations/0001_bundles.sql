-- One-stop bundles (ライフイベントのワンストップ): a citizen's answers to one life event's
-- questionnaire and shared questions, kept like drafts: the browser holds a random token in a
-- cookie (only its SHA-256 is stored), a resume code moves it to another device, and it expires
-- when left alone. The reference names the visit at the counter and in the staff view.
CREATE TABLE life_event_bundles (
  id                    INTEGER PRIMARY KEY,
  public_id             TEXT NOT NULL UNIQUE,          -- random; names the bundle in URLs, grants nothing alone
  reference             TEXT NOT NULL UNIQUE,          -- MDG-XXXX-XXXX, for the counter and staff
  token_hash            TEXT NOT NULL,
  resume_code_hash      TEXT UNIQUE,
  event_id              TEXT NOT NULL,
  event_version         INTEGER NOT NULL,              -- the definition the answers were given for
  answers               TEXT NOT NULL DEFAULT '{}',    -- questionnaire and shared answers as entered (JSON)
  completed_sections    TEXT NOT NULL DEFAULT '[]',    -- pages passed with valid answers (JSON)
  confirmed_event_date  TEXT NOT NULL DEFAULT '',      -- an unusual event date the citizen confirmed (ISO)
  citizen_account_id    INTEGER,
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  expires_at            TEXT NOT NULL
);
CREATE INDEX life_event_bundles_expiry ON life_event_bundles (expires_at);

-- The drafts a bundle prepared, one per procedure on its list.
CREATE TABLE life_event_bundle_drafts (
  bundle_id       INTEGER NOT NULL REFERENCES life_event_bundles(id),
  procedure_id    TEXT NOT NULL,
  draft_public_id TEXT NOT NULL REFERENCES application_drafts(public_id),
  form_changed    INTEGER NOT NULL DEFAULT 0 CHECK (form_changed IN (0, 1)),  -- rebased after the form changed
  prepared        TEXT NOT NULL DEFAULT '{}',    -- the answers last written into the draft from the shared ones (JSON)
  PRIMARY KEY (bundle_id, procedure_id)
);
CREATE INDEX life_event_bundle_drafts_draft ON life_event_bundle_drafts (draft_public_id);
