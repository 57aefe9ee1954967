-- The live queue: numbered tickets per office line and day. The queue lives
-- here, not in any server's memory: every node reads and changes the same
-- rows, and a change is made only by a conditional update on the ticket's
-- status, so two clerks can never call the same ticket.
CREATE TABLE queue_numbers (
  office TEXT NOT NULL,
  line TEXT NOT NULL,
  day TEXT NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (office, line, day)
);

CREATE TABLE queue_tickets (
  id INTEGER PRIMARY KEY,
  office TEXT NOT NULL,
  line TEXT NOT NULL,
  day TEXT NOT NULL,
  number INTEGER NOT NULL,
  label TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'done', 'no_show', 'cancelled')),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  source TEXT NOT NULL CHECK (source IN ('kiosk', 'clerk', 'booking', 'phone')),
  priority_reason TEXT,
  booking_reference TEXT,
  booked_at TEXT,
  order_at TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  called_at TEXT,
  first_called_at TEXT,
  call_count INTEGER NOT NULL DEFAULT 0,
  counter TEXT,
  done_at TEXT,
  email TEXT,
  alert_sent INTEGER NOT NULL DEFAULT 0 CHECK (alert_sent IN (0, 1)),
  kiosk_id INTEGER,
  client_key TEXT,
  first_line TEXT NOT NULL,
  UNIQUE (office, first_line, day, number)
);
CREATE INDEX queue_tickets_line ON queue_tickets (office, day, line, status);
CREATE UNIQUE INDEX queue_tickets_booking ON queue_tickets (booking_reference) WHERE booking_reference IS NOT NULL;
CREATE UNIQUE INDEX queue_tickets_one_per_email ON queue_tickets (office, line, day, email)
  WHERE active = 1 AND email IS NOT NULL;
CREATE INDEX queue_tickets_kiosk ON queue_tickets (kiosk_id, issued_at) WHERE kiosk_id IS NOT NULL;
CREATE INDEX queue_tickets_client ON queue_tickets (client_key, issued_at) WHERE client_key IS NOT NULL;

-- Ticket machines: a device becomes a kiosk when staff set it up (its cookie
-- holds a secret whose hash is here); kiosks can be revoked.
CREATE TABLE queue_kiosks (
  id INTEGER PRIMARY KEY,
  office TEXT NOT NULL,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);
