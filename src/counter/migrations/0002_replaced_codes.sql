-- A code issued for a different set of drafts (a life-event list whose
-- procedures became ready one by one) replaces the unused codes of those
-- drafts: the older QR is refused as replaced, so no draft is taken in twice.
ALTER TABLE counter_pre_entries ADD COLUMN replaced_by INTEGER REFERENCES counter_pre_entries(id);
