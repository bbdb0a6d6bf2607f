-- A budget level that clears resolves the alerts of its episode: every open or acknowledged alert of that kind about
-- the same subject up to the clearing. The subject is in the body as published; kept beside it to find an episode
-- by index rather than by reading every body.
ALTER TABLE alerts ADD COLUMN subject_level text GENERATED ALWAYS AS (body ->> 'SubjectLevel') STORED;
ALTER TABLE alerts ADD COLUMN subject_id text GENERATED ALWAYS AS (body ->> 'SubjectId') STORED;

CREATE INDEX alerts_subject_episode ON alerts (kind, subject_level, subject_id, as_of) WHERE status IN ('open', 'acknowledged');
