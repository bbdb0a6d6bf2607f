-- Alerts as published (alert.schema.json), kept once per alert_id: an id is derived from what the alert is about,
-- so a finding re-raised after a crash or a replay is not stored twice. sequence is the order they were stored in.
CREATE TABLE alerts (
    sequence    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id    text        NOT NULL,
    kind        text        NOT NULL,
    severity    smallint    NOT NULL,
    county_id   text        NOT NULL,
    hospital_id text        NULL,
    raised_at   timestamptz NOT NULL,
    as_of       timestamptz NOT NULL,
    body        jsonb       NOT NULL,
    CONSTRAINT alerts_alert_id_key UNIQUE (alert_id)
);

CREATE INDEX alerts_county_sequence ON alerts (county_id, sequence DESC);
CREATE INDEX alerts_hospital_sequence ON alerts (hospital_id, sequence DESC) WHERE hospital_id IS NOT NULL;
