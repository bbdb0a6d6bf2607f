-- 0002 orleans_persistence: grain state for the ADO.NET grain storage provider
-- (Microsoft.Orleans.Persistence.AdoNet, AddAdoNetGrainStorage).
--
-- Implements the provider's interface as documented for Orleans 10.x by
-- src/AdoNet/Orleans.Persistence.AdoNet/PostgreSQL-Persistence.sql in dotnet/orleans:
--   query keys  WriteToStorageKey, ReadFromStorageKey, ClearStorageKey, DeleteStorageKey
--   parameters  @GrainIdHash @GrainIdN0 @GrainIdN1 @GrainTypeHash @GrainTypeString
--               @GrainIdExtensionString @ServiceId @GrainStateVersion @PayloadBinary
--   columns     PayloadBinary and Version (read); NewGrainStateVersion (returned by writes)
-- Since Orleans 7 the provider writes one opaque payload (PayloadBinary, whatever the configured
-- IGrainStorageSerializer produced), so the older PayloadJson and PayloadXml columns are gone.
--
-- Version is the ETag: a write or clear succeeds only against the version it read, and returns the
-- new one; returning the old version tells Orleans the write lost (InconsistentStateException).
-- DeleteStorageKey is optional for the provider and used only with DeleteStateOnClear = true.

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer                NOT NULL,
    GrainIdN0              bigint                 NOT NULL,
    GrainIdN1              bigint                 NOT NULL,
    GrainTypeHash          integer                NOT NULL,
    GrainTypeString        character varying(512) NOT NULL,
    GrainIdExtensionString character varying(512),
    ServiceId              character varying(150) NOT NULL,
    PayloadBinary          bytea,
    ModifiedOn             timestamp without time zone NOT NULL,
    Version                integer
);

-- The hashes narrow a lookup to a handful of rows; the full key is then compared in the row.
CREATE INDEX IF NOT EXISTS IX_OrleansStorage
    ON OrleansStorage USING btree (GrainIdHash, GrainTypeHash);

CREATE OR REPLACE FUNCTION WriteToStorage(
    _GrainIdHash            integer,
    _GrainIdN0              bigint,
    _GrainIdN1              bigint,
    _GrainTypeHash          integer,
    _GrainTypeString        character varying,
    _GrainIdExtensionString character varying,
    _ServiceId              character varying,
    _GrainStateVersion      integer,
    _PayloadBinary          bytea)
    RETURNS TABLE(NewGrainStateVersion integer)
    LANGUAGE plpgsql
AS $function$
DECLARE
    _NewVersion integer := _GrainStateVersion;
    _Affected   integer := 0;
BEGIN
    IF _GrainStateVersion IS NOT NULL THEN
        -- The grain read a version before: overwrite only that version, so that of two activations
        -- of one grain (possible for a while after a split brain) only one write wins.
        UPDATE OrleansStorage
        SET
            PayloadBinary = _PayloadBinary,
            ModifiedOn = (now() AT TIME ZONE 'utc'),
            Version = Version + 1
        WHERE
            GrainIdHash = _GrainIdHash AND _GrainIdHash IS NOT NULL
            AND GrainTypeHash = _GrainTypeHash AND _GrainTypeHash IS NOT NULL
            AND GrainIdN0 = _GrainIdN0 AND _GrainIdN0 IS NOT NULL
            AND GrainIdN1 = _GrainIdN1 AND _GrainIdN1 IS NOT NULL
            AND GrainTypeString = _GrainTypeString AND _GrainTypeString IS NOT NULL
            AND ((_GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString = _GrainIdExtensionString)
                 OR (_GrainIdExtensionString IS NULL AND GrainIdExtensionString IS NULL))
            AND ServiceId = _ServiceId AND _ServiceId IS NOT NULL
            AND Version IS NOT NULL AND Version = _GrainStateVersion;

        GET DIAGNOSTICS _Affected = ROW_COUNT;
        IF _Affected > 0 THEN
            _NewVersion := _GrainStateVersion + 1;
        END IF;
    ELSE
        -- No state was read: insert the first version, unless another writer already did.
        INSERT INTO OrleansStorage
        (
            GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
            GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version
        )
        SELECT
            _GrainIdHash, _GrainIdN0, _GrainIdN1, _GrainTypeHash, _GrainTypeString,
            _GrainIdExtensionString, _ServiceId, _PayloadBinary, (now() AT TIME ZONE 'utc'), 1
        WHERE NOT EXISTS
        (
            SELECT 1
            FROM OrleansStorage
            WHERE
                GrainIdHash = _GrainIdHash AND _GrainIdHash IS NOT NULL
                AND GrainTypeHash = _GrainTypeHash AND _GrainTypeHash IS NOT NULL
                AND GrainIdN0 = _GrainIdN0 AND _GrainIdN0 IS NOT NULL
                AND GrainIdN1 = _GrainIdN1 AND _GrainIdN1 IS NOT NULL
                AND GrainTypeString = _GrainTypeString AND _GrainTypeString IS NOT NULL
                AND ((_GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString = _GrainIdExtensionString)
                     OR (_GrainIdExtensionString IS NULL AND GrainIdExtensionString IS NULL))
                AND ServiceId = _ServiceId AND _ServiceId IS NOT NULL
        );

        GET DIAGNOSTICS _Affected = ROW_COUNT;
        IF _Affected > 0 THEN
            _NewVersion := 1;
        END IF;
    END IF;

    RETURN QUERY SELECT _NewVersion;
END
$function$;

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'WriteToStorageKey', $query$
    SELECT * FROM WriteToStorage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);
$query$
),
(
    'ReadFromStorageKey', $query$
    SELECT
        PayloadBinary,
        (now() AT TIME ZONE 'utc'),
        Version
    FROM OrleansStorage
    WHERE
        GrainIdHash = @GrainIdHash
        AND GrainTypeHash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
        AND GrainIdN0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
        AND GrainIdN1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
        AND GrainTypeString = @GrainTypeString AND GrainTypeString IS NOT NULL
        AND ((@GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString = @GrainIdExtensionString)
             OR (@GrainIdExtensionString IS NULL AND GrainIdExtensionString IS NULL))
        AND ServiceId = @ServiceId AND @ServiceId IS NOT NULL;
$query$
),
(
    'ClearStorageKey', $query$
    UPDATE OrleansStorage
    SET
        PayloadBinary = NULL,
        Version = Version + 1
    WHERE
        GrainIdHash = @GrainIdHash AND @GrainIdHash IS NOT NULL
        AND GrainTypeHash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
        AND GrainIdN0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
        AND GrainIdN1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
        AND GrainTypeString = @GrainTypeString AND @GrainTypeString IS NOT NULL
        AND ((@GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString = @GrainIdExtensionString)
             OR (@GrainIdExtensionString IS NULL AND GrainIdExtensionString IS NULL))
        AND ServiceId = @ServiceId AND @ServiceId IS NOT NULL
        AND Version IS NOT NULL AND Version = @GrainStateVersion AND @GrainStateVersion IS NOT NULL
    RETURNING Version AS NewGrainStateVersion;
$query$
),
(
    'DeleteStorageKey', $query$
    DELETE FROM OrleansStorage
    WHERE
        GrainIdHash = @GrainIdHash AND @GrainIdHash IS NOT NULL
        AND GrainTypeHash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
        AND GrainIdN0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
        AND GrainIdN1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
        AND GrainTypeString = @GrainTypeString AND @GrainTypeString IS NOT NULL
        AND ((@GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString IS NOT NULL AND GrainIdExtensionString = @GrainIdExtensionString)
             OR (@GrainIdExtensionString IS NULL AND GrainIdExtensionString IS NULL))
        AND ServiceId = @ServiceId AND @ServiceId IS NOT NULL
        AND Version IS NOT NULL AND Version = @GrainStateVersion AND @GrainStateVersion IS NOT NULL
    RETURNING Version + 1 AS NewGrainStateVersion;
$query$
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
