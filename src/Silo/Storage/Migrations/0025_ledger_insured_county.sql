-- 参保地 (issue 27): the county whose fund pays for a row. A settlement's is what the claim named (insuredCountyId);
-- a reversal carries its settlement's, as it carries its patient (0007), so that taking a cancelled stay out of a
-- payer's books needs no second lookup. NULL: the hospital's county, which is what every row before this meant.
ALTER TABLE claims_ledger ADD COLUMN insured_county_id text NULL;

UPDATE claims_ledger SET insured_county_id = body ->> 'insuredCountyId'
WHERE kind = 'settlement' AND body ? 'insuredCountyId';
UPDATE claims_ledger r SET insured_county_id = s.insured_county_id
FROM claims_ledger s
WHERE r.kind = 'reversal' AND s.claim_id = r.reverses_claim_id AND s.insured_county_id IS NOT NULL;
