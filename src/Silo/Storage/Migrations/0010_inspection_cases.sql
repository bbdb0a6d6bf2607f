-- Inspection cases (稽核案件). The case as it stands is one row (body: the whole case but its history); the columns
-- beside it are what the lists filter and sort on. version counts stored changes: a save names the version it read,
-- so of two people acting at once one wins and the other is told.
CREATE TABLE cases (
    case_id          text           PRIMARY KEY,
    kind             text           NOT NULL,
    status           text           NOT NULL CHECK (status IN
                         ('open', 'assigned', 'awaiting-hospital', 'under-review', 'confirmed', 'dismissed', 'appealed', 'withdrawn')),
    county_id        text           NOT NULL,
    region_id        text           NULL,
    hospital_id      text           NOT NULL,
    owner            text           NULL,
    opened_at        timestamptz    NOT NULL,
    due_at           timestamptz    NOT NULL,
    decided_at       timestamptz    NULL,
    amount_at_stake  numeric(14, 2) NOT NULL,
    recovered        numeric(14, 2) NOT NULL DEFAULT 0,
    alert_ids        text[]         NOT NULL,
    claim_ids        text[]         NOT NULL,
    has_bookings     boolean        NOT NULL DEFAULT false,
    version          bigint         NOT NULL,
    body             jsonb          NOT NULL
);

-- The lists: by status, county, hospital and owner, newest, oldest or largest first (the case id breaks ties, so a
-- page cursor is exact).
CREATE INDEX cases_status_opened ON cases (status, opened_at DESC, case_id);
CREATE INDEX cases_county_status_opened ON cases (county_id, status, opened_at DESC, case_id);
CREATE INDEX cases_region_status ON cases (region_id, status) WHERE region_id IS NOT NULL;
CREATE INDEX cases_hospital_status_opened ON cases (hospital_id, status, opened_at DESC, case_id);
CREATE INDEX cases_owner_status ON cases (owner, status) WHERE owner IS NOT NULL;
CREATE INDEX cases_amount ON cases (amount_at_stake DESC, case_id);
CREATE INDEX cases_opened ON cases (opened_at, case_id);
-- A withdrawn alert or a reversed claim finds the cases resting on it.
CREATE INDEX cases_alert_ids ON cases USING gin (alert_ids);
CREATE INDEX cases_claim_ids ON cases USING gin (claim_ids);
CREATE INDEX cases_with_bookings ON cases (case_id) WHERE has_bookings;

-- Every action on a case, who, when, what and why: appended, never changed. The trigger makes that a property of the
-- table, not a habit of the code.
CREATE TABLE case_history (
    case_id  text        NOT NULL REFERENCES cases (case_id),
    seq      integer     NOT NULL,
    at       timestamptz NOT NULL,
    actor    text        NOT NULL,
    action   text        NOT NULL,
    body     jsonb       NOT NULL,
    PRIMARY KEY (case_id, seq)
);

CREATE FUNCTION case_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_history is append-only: % refused on case %', TG_OP, OLD.case_id;
END;
$$;

CREATE TRIGGER case_history_append_only BEFORE UPDATE OR DELETE ON case_history
    FOR EACH ROW EXECUTE FUNCTION case_history_append_only();

-- Recoveries (追回) booked by case decisions are fund movements in the ledger, beside settlements and reversals.
ALTER TABLE claims_ledger DROP CONSTRAINT claims_ledger_kind_check;
ALTER TABLE claims_ledger ADD CONSTRAINT claims_ledger_kind_check CHECK (kind IN ('settlement', 'reversal', 'recovery'));
