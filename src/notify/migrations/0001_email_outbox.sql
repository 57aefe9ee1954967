-- The e-mail outbox: every e-mail the platform sends, inserted in the same
-- transaction as the change it reports and delivered later by the Mailer.
-- Times are UTC text, 2025-04-01T09:00:00.000Z. References no other module.
CREATE TABLE notify_email_outbox (
  id              INTEGER PRIMARY KEY,
  message_key     TEXT NOT NULL UNIQUE,  -- random; the Message-ID's left part, the same on every attempt
  category        TEXT NOT NULL,         -- receipt, verification, password_reset, …
  reference       TEXT,                  -- the application reference (受付番号), if any
  recipient       TEXT NOT NULL,
  subject         TEXT NOT NULL,
  text_body       TEXT NOT NULL,         -- emptied once sent: links and details do not linger
  html_body       TEXT,                  -- cleared once sent
  status          TEXT NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT NOT NULL,         -- pending: when due; sending: when the claim lapses
  last_error      TEXT,                  -- the transport's error, never personal data
  created_at      TEXT NOT NULL,
  sent_at         TEXT
);

CREATE INDEX notify_email_outbox_due ON notify_email_outbox (next_attempt_at)
  WHERE status IN ('pending', 'sending');
CREATE INDEX notify_email_outbox_reference ON notify_email_outbox (reference)
  WHERE reference IS NOT NULL;
