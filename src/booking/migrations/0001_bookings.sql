-- Bookings: slots made on demand per office line and day, and the bookings
-- that take places in them. A place is taken only by the conditional update
-- "taken = taken + 1 WHERE taken < capacity", so no slot is ever overbooked,
-- on one node or many. A hold is a booking row in status 'held' that expires.
CREATE TABLE booking_slots (
  id INTEGER PRIMARY KEY,
  office TEXT NOT NULL,
  line TEXT NOT NULL,
  day TEXT NOT NULL,
  start_minute INTEGER NOT NULL,
  end_minute INTEGER NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK (capacity >= 0),
  taken INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0),
  removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  UNIQUE (office, line, day, start_minute)
);
CREATE INDEX booking_slots_free ON booking_slots (office, line, starts_at) WHERE removed = 0;

CREATE TABLE booking_bookings (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL UNIQUE,
  slot_id INTEGER NOT NULL REFERENCES booking_slots (id),
  office TEXT NOT NULL,
  line TEXT NOT NULL,
  day TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled', 'expired', 'slot_removed', 'kept', 'no_show')),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  person_key TEXT,
  name TEXT,
  email TEXT,
  language TEXT NOT NULL DEFAULT 'ja',
  application_reference TEXT,
  request_key TEXT UNIQUE,
  hold_expires_at TEXT,
  sequence INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  cancelled_at TEXT,
  reminded_at TEXT,
  checked_in_at TEXT,
  no_show_at TEXT
);
-- "Once per person per line and day": a second active booking fails here.
CREATE UNIQUE INDEX booking_once_per_day ON booking_bookings (office, line, day, person_key)
  WHERE active = 1 AND person_key IS NOT NULL;
CREATE INDEX booking_bookings_day ON booking_bookings (office, day, status);
CREATE INDEX booking_bookings_slot ON booking_bookings (slot_id, status);
CREATE INDEX booking_bookings_reminder ON booking_bookings (day) WHERE status = 'confirmed' AND reminded_at IS NULL;

-- A department admin's edits to the office directory (offices/*.yaml holds the defaults).
CREATE TABLE booking_line_settings (
  office TEXT NOT NULL,
  line TEXT NOT NULL,
  capacity INTEGER CHECK (capacity >= 0),
  counters INTEGER CHECK (counters >= 0),
  open INTEGER CHECK (open IN (0, 1)),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (office, line)
);
CREATE TABLE booking_office_settings (
  office TEXT PRIMARY KEY,
  hours TEXT,
  phone_tickets INTEGER CHECK (phone_tickets IN (0, 1)),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE booking_closures (
  office TEXT NOT NULL,
  day TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (office, day)
);
