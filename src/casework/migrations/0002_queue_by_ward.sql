-- The queue of one department in one ward (a ward office's processor, the
-- common case): counting its open cases and paging them in due-date order is
-- a range of this index alone, never a lookup of each row's ward.
CREATE INDEX casework_open_by_ward ON applications (department, ward, due_on, id)
  WHERE status IN ('submitted', 'in_review', 'correction_requested', 'resubmitted', 'awaiting_approval');
