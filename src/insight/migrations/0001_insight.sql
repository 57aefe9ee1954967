-- Insight: the public figures read the applications table (owned by the
-- applications module) through this covering index, so counting cases by
-- procedure, channel and status never reads the rows themselves.
CREATE INDEX insight_counts ON applications (procedure_id, channel, status);
