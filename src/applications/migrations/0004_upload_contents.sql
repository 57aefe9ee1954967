-- The bytes of uploaded files, when they are kept in the database (always on
-- PostgreSQL, so every node and every backup has them) rather than as files
-- under DATA/uploads. Content-addressed: one row per distinct file.
CREATE TABLE upload_contents (
  sha256   TEXT PRIMARY KEY,
  content  BLOB NOT NULL
);
