-- 0001 orleans_main: the query table every Orleans ADO.NET provider reads its SQL from.
--
-- Implements the shared interface of the Orleans ADO.NET providers (Microsoft.Orleans.*.AdoNet),
-- written against Orleans 10.x's documented script src/AdoNet/Shared/PostgreSQL-Main.sql in the
-- dotnet/orleans repository; the packages themselves ship no SQL.
--
-- The providers issue no SQL of their own: at start-up each one loads its statements from this
-- table by QueryKey and later binds parameters by name (@DeploymentId, @GrainIdHash, ...) and reads
-- result columns by name. The keys, parameter names and column names are therefore the contract;
-- everything else (indexes, function bodies) may be tuned as long as the results stay the same.
--
-- Applied once by SchemaMigrator inside a transaction; written so that running it again is harmless.

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,

    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
