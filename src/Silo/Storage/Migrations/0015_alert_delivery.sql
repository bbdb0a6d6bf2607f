-- A finding is durable before it is forgotten: an alert is stored first, and pushed (and its case opened) after. The
-- revision counts the stored alert's changes; pushed_revision is the last one pushed. A silo that dies between the two
-- leaves revision > pushed_revision, and whichever silo sweeps next pushes it.
ALTER TABLE alerts ADD COLUMN revision bigint NOT NULL DEFAULT 1;
ALTER TABLE alerts ADD COLUMN pushed_revision bigint NOT NULL DEFAULT 0;

-- Stored before this migration: the door that stored them pushed them in the same call.
UPDATE alerts SET pushed_revision = revision;

CREATE INDEX alerts_undelivered ON alerts (sequence) WHERE pushed_revision < revision;
CREATE INDEX alerts_awaiting_case ON alerts (sequence) WHERE (body ->> 'CaseId') IS NULL AND status IN ('open', 'acknowledged');
