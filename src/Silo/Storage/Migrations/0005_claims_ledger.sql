-- The claims ledger: append-only, the source of truth and the audit trail (DESIGN.md § The flow of one claim).
-- position is the commit order (appends hold one advisory lock, so no two interleave);
-- hospital_seq numbers each hospital's rows 1, 2, 3… without gaps, which is how fund accounts
-- know they have counted every row of a hospital exactly once.
CREATE TABLE claims_ledger (
    position          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    claim_id          text        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('settlement', 'reversal')),
    reverses_claim_id text        NULL,
    hospital_id       text        NOT NULL,
    hospital_seq      bigint      NOT NULL,
    settled_at        timestamptz NOT NULL,
    -- the budget date on the China clock; for a reversal, that of the settlement it cancels
    budget_date       date        NOT NULL,
    -- signed: a reversal carries minus the amount it cancels
    fund_paid         numeric(14, 2) NOT NULL,
    fingerprint       bytea       NOT NULL,
    body              jsonb       NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT claims_ledger_claim_id_key UNIQUE (claim_id),
    CONSTRAINT claims_ledger_hospital_seq_key UNIQUE (hospital_id, hospital_seq),
    CONSTRAINT claims_ledger_reversal_target CHECK ((kind = 'reversal') = (reverses_claim_id IS NOT NULL))
);

-- A settlement is reversed at most once.
CREATE UNIQUE INDEX claims_ledger_reverses_key ON claims_ledger (reverses_claim_id) WHERE reverses_claim_id IS NOT NULL;
