-- Alerts are living records (alert.schema.json § status): open until acknowledged, withdrawn when a claim they rest
-- on is reversed, resolved when their level clears. The body stays as published; the status lives beside it.
ALTER TABLE alerts ADD COLUMN status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'acknowledged', 'withdrawn', 'resolved'));
ALTER TABLE alerts ADD COLUMN status_reason text NULL;
ALTER TABLE alerts ADD COLUMN status_changed_at timestamptz NULL;
ALTER TABLE alerts ADD COLUMN acknowledged jsonb NULL;
-- The claims an alert rests on, to find every alert standing on a reversed claim.
ALTER TABLE alerts ADD COLUMN claim_ids text[] NOT NULL DEFAULT '{}';

UPDATE alerts SET claim_ids = ARRAY(SELECT jsonb_array_elements_text(body -> 'ClaimIds'))
WHERE jsonb_typeof(body -> 'ClaimIds') = 'array';

CREATE INDEX alerts_claim_ids ON alerts USING gin (claim_ids);
CREATE INDEX alerts_status_sequence ON alerts (status, sequence DESC);
