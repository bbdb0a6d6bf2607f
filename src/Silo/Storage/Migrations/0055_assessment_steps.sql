-- The three-level review of an alliance's assessment (医共体自评、县市初评、州级终评): every step taken, who (name,
-- role, scope), when, the score and notes, and the live indicator score at that moment. The review as it stands is
-- the fold of an alliance's rows in seq order; the key refuses a second step in one place, the trigger any change.
CREATE TABLE assessment_steps (
    alliance_id     text          NOT NULL,
    fund_year       integer       NOT NULL,
    seq             integer       NOT NULL CHECK (seq > 0),
    stage           text          NOT NULL CHECK (stage IN ('self-assessment', 'county-review', 'prefecture-decision')),
    score           numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    notes           text,
    actor           text          NOT NULL,
    role            text          NOT NULL,
    scope           text          NOT NULL,
    at              timestamptz   NOT NULL,
    indicator_score numeric,
    PRIMARY KEY (alliance_id, fund_year, seq)
);

CREATE FUNCTION assessment_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'assessment_steps is append-only: % refused on alliance % of %', TG_OP, OLD.alliance_id, OLD.fund_year;
END;
$$;

CREATE TRIGGER assessment_steps_append_only BEFORE UPDATE OR DELETE ON assessment_steps
    FOR EACH ROW EXECUTE FUNCTION assessment_steps_append_only();
