-- Attempts per client and route in fixed windows, shared by every node
-- (platform/http/rate_limiter.h). Keys are hashed: no address is kept here.
CREATE TABLE platform_rate_counts (
  key_hash      TEXT NOT NULL,
  window_index  INTEGER NOT NULL,  -- seconds since the epoch / window length
  attempts      INTEGER NOT NULL,
  PRIMARY KEY (key_hash, window_index)
);
CREATE INDEX platform_rate_counts_by_window ON platform_rate_counts (window_index);
