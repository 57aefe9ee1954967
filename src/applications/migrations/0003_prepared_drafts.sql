-- Drafts a one-stop bundle prepares: the top-level answers given there once
-- (JSON list of field ids: the form does not ask them again unless they are
-- wrong) and the local page the journey returns to.
ALTER TABLE application_drafts ADD COLUMN given_fields TEXT NOT NULL DEFAULT '[]';
ALTER TABLE application_drafts ADD COLUMN return_to TEXT NOT NULL DEFAULT '';
