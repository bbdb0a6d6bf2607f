-- Drill-down (GET /api/drilldown/…): a fund's standing settlements of one fund year, grouped by DRG, department,
-- doctor or month. Every question names its hospitals and a budget-date range, so one index of settlements by
-- (hospital, budget date) bounds each to the rows it sums; the anti-join that leaves reversed claims out probes the
-- unique index on reverses_claim_id (0005).
CREATE INDEX claims_ledger_settlement_budget ON claims_ledger (hospital_id, budget_date) WHERE kind = 'settlement';
