-- A split pair's alert id was its two claims' ids (split-hospitalization/pair/first>second); the readmitting hospital
-- reads the id, and the first stay may be another member hospital's. It is now the first 32 hex digits of the SHA-256
-- of "first>second" (ReadmissionAlerts.PairAlertId), and the ids stored before are rewritten the same way, so that a
-- replay or a rebuild finds them and stores nothing twice. A case keeps its id (derived once, when it opened, and found
-- again through the alert's CaseId); its alert ids and its split items' ids (an item's id is its pair's alert id) follow.
-- The append-only case history keeps the old ids; the store reads them in the new form (ReadmissionAlerts.CurrentPairAlertId).
CREATE OR REPLACE FUNCTION pg_temp.pair_alert_id(alert_id text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN alert_id LIKE 'split-hospitalization/pair/%' AND substr(alert_id, 28) !~ '^[0-9a-f]{32}$'
            THEN 'split-hospitalization/pair/' || left(encode(sha256(convert_to(substr(alert_id, 28), 'UTF8')), 'hex'), 32)
        ELSE alert_id
    END
$$;

UPDATE alerts
SET alert_id = pg_temp.pair_alert_id(alert_id),
    body = jsonb_set(body, '{AlertId}', to_jsonb(pg_temp.pair_alert_id(alert_id)))
WHERE alert_id <> pg_temp.pair_alert_id(alert_id);

UPDATE cases
SET alert_ids = ARRAY(SELECT pg_temp.pair_alert_id(a) FROM unnest(alert_ids) WITH ORDINALITY AS u(a, n) ORDER BY n),
    body = jsonb_set(
        jsonb_set(body, '{AlertIds}', COALESCE((SELECT jsonb_agg(to_jsonb(pg_temp.pair_alert_id(a #>> '{}')) ORDER BY n)
                                                FROM jsonb_array_elements(body -> 'AlertIds') WITH ORDINALITY AS e(a, n)), '[]'::jsonb)),
        '{Items}', COALESCE((SELECT jsonb_agg(i || jsonb_build_object(
                                                  'ItemId', pg_temp.pair_alert_id(i ->> 'ItemId'),
                                                  'AlertId', pg_temp.pair_alert_id(i ->> 'AlertId')) ORDER BY n)
                             FROM jsonb_array_elements(body -> 'Items') WITH ORDINALITY AS e(i, n)), '[]'::jsonb))
WHERE EXISTS (SELECT 1 FROM unnest(alert_ids) AS a WHERE a <> pg_temp.pair_alert_id(a));

DROP FUNCTION pg_temp.pair_alert_id(text);
