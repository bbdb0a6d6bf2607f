-- Detectors keep windows of recent stays per patient and rebuild them from the ledger after a crash.
-- patient_id: the settlement's patient, and on a reversal the patient of the settlement it cancels (a reversal
-- event names only the claim), so that taking a cancelled stay out needs no second lookup.
ALTER TABLE claims_ledger ADD COLUMN patient_id text NULL;

UPDATE claims_ledger SET patient_id = body ->> 'patientId' WHERE kind = 'settlement';
UPDATE claims_ledger r SET patient_id = s.patient_id
FROM claims_ledger s
WHERE r.kind = 'reversal' AND s.claim_id = r.reverses_claim_id;

-- A rebuild reads a place's hospitals' rows settled in the last weeks.
CREATE INDEX claims_ledger_hospital_settled ON claims_ledger (hospital_id, settled_at);
-- An inspector's question "what else did this patient have": every row of one patient.
CREATE INDEX claims_ledger_patient ON claims_ledger (patient_id) WHERE patient_id IS NOT NULL;
