-- Readiness: /readyz proves the node can commit by updating this one row
-- through the writer (at most about once a second). Times are UTC text.
CREATE TABLE readiness_heartbeat (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  beat_at  TEXT NOT NULL
);
