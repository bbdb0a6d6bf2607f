using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Access;
using Monitoring.Cases;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>The PostgreSQL case store's own SQL on a migrated throwaway database: versions, append-only history, lists, recoveries.</summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class PostgresCaseStoreTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly CaseActor Inspector = new(new AccessScope(AccessScope.Inspector, ScopeKind.County, "530922"), "insp-a");
    private static readonly CaseActor OtherInspector = new(new AccessScope(AccessScope.Inspector, ScopeKind.County, "530922"), "insp-b");

    private async Task<(PostgresCaseStore Store, NpgsqlDataSource Data)> StoreAsync()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connection, CancellationToken.None);
        var data = NpgsqlDataSource.Create(connection);
        return (new PostgresCaseStore(data), data);
    }

    private static InspectionCase Case(string id, decimal atStake, int minutes, string hospital = "H53092200001") => new()
    {
        CaseId = id,
        Kind = "split-hospitalization",
        Severity = "warning",
        CountyId = "530922",
        RegionId = "530900",
        HospitalId = hospital,
        AlertIds = [$"alert-{id}"],
        ClaimIds = [$"{id}-1", $"{id}-2"],
        AmountAtStake = atStake,
        SummaryZh = "疑似分解住院",
        SummaryEn = "Suspected split hospitalization",
        Status = CaseStatus.Open,
        OpenedAt = Now.AddMinutes(minutes),
        OpenedBy = "system",
        DueAt = Now.AddDays(30),
        History = [new CaseEntry(1, Now, "system", "system", "*", "open", "open", "open", null, atStake, [], false)],
    };

    [Fact]
    public async Task A_case_reads_back_whole_and_a_stale_save_loses()
    {
        var (store, data) = await StoreAsync();
        await using var _ = data;
        var (stored, added) = await store.AddAsync(Case("C-1", 8200.55m, 0));
        Assert.True(added);
        Assert.False((await store.AddAsync(Case("C-1", 1m, 0))).Added);

        var byA = CaseWorkflow.Apply(stored, new CaseCommand(CaseActions.Take), Inspector, Now, Now, CaseRules.Default).Case!;
        var byB = CaseWorkflow.Apply(stored, new CaseCommand(CaseActions.Take), OtherInspector, Now, Now, CaseRules.Default).Case!;
        Assert.True(await store.SaveAsync(byA, stored.Version));
        Assert.False(await store.SaveAsync(byB, stored.Version));

        var read = (await store.GetAsync("C-1"))!;
        Assert.Equal(("insp-a", CaseStatus.Assigned, 2L, 8200.55m), (read.Owner, read.Status, read.Version, read.AmountAtStake));
        Assert.Equal(["open", "take"], read.History.Select(e => e.Action));
        Assert.Equal(byA.History[1], read.History[1] with { Documents = byA.History[1].Documents });
    }

    /// <summary>
    /// A withdrawal changes and saves the cases this read returns: read without their history, the save looked like it
    /// dropped lines, was refused every time, and the publisher's retry held ingest until a year's replay stood still.
    /// </summary>
    [Fact]
    public async Task The_undecided_cases_resting_on_an_alert_read_back_whole_and_a_withdrawal_saves()
    {
        var (store, data) = await StoreAsync();
        await using var _ = data;
        var (opened, _) = await store.AddAsync(Case("C-1", 10m, 0));
        var taken = CaseWorkflow.Apply(opened, new CaseCommand(CaseActions.Take), Inspector, Now, Now, CaseRules.Default).Case!;
        Assert.True(await store.SaveAsync(taken, opened.Version));

        var standing = Assert.Single(await store.UndecidedRestingOnAsync(["alert-C-1"], []));
        Assert.Equal((await store.GetAsync("C-1"))!.History.Select(e => (e.Seq, e.Action)), standing.History.Select(e => (e.Seq, e.Action)));

        var withdrawn = CaseWorkflow.Withdraw(standing, "finding withdrawn", Now.AddHours(1))!;
        Assert.True(await store.SaveAsync(withdrawn, standing.Version));
        Assert.Equal(["open", "take", CaseActions.Withdraw], (await store.GetAsync("C-1"))!.History.Select(e => e.Action));
    }

    [Fact]
    public async Task The_history_table_refuses_to_change_or_lose_a_line()
    {
        var (store, data) = await StoreAsync();
        await using var _ = data;
        await store.AddAsync(Case("C-1", 10m, 0));

        await using var update = data.CreateCommand("UPDATE case_history SET actor = 'someone else' WHERE case_id = 'C-1'");
        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).MessageText);
        await using var delete = data.CreateCommand("DELETE FROM case_history WHERE case_id = 'C-1'");
        Assert.Contains("append-only", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync())).MessageText);
    }

    [Fact]
    public async Task Lists_page_by_amount_and_age_within_scope()
    {
        var (store, data) = await StoreAsync();
        await using var _ = data;
        for (var i = 0; i < 7; i++)
        {
            await store.AddAsync(Case($"C-{i}", 100m * (i % 3), i, hospital: i == 6 ? "H53092200002" : "H53092200001"));
        }

        async Task<List<string>> AllPagesAsync(CaseQuery query)
        {
            var seen = new List<string>();
            for (CaseCursor? after = null; ;)
            {
                var page = await store.QueryAsync(query with { Limit = 3, After = after });
                seen.AddRange(page.Select(c => c.CaseId));
                if (page.Count < 3)
                {
                    return seen;
                }

                after = CaseCursor.Decode(CaseCursor.After(page[^1]).Encode());
            }
        }

        Assert.Equal(["C-2", "C-5", "C-1", "C-4", "C-0", "C-3", "C-6"], await AllPagesAsync(new CaseQuery(Inspector.Scope, Sort: CaseSort.Amount)));
        Assert.Equal(["C-0", "C-1", "C-2", "C-3", "C-4", "C-5"],
            await AllPagesAsync(new CaseQuery(new AccessScope(AccessScope.HospitalRole, ScopeKind.Hospital, "H53092200001"), Sort: CaseSort.Age)));
        Assert.Empty(await store.QueryAsync(new CaseQuery(new AccessScope(AccessScope.Inspector, ScopeKind.County, "530921"))));
        Assert.Equal(["C-1", "C-4"], (await store.UndecidedRestingOnAsync(["alert-C-4"], ["C-1-2"])).Select(c => c.CaseId).Order());
    }

    [Fact]
    public async Task A_recovery_is_a_ledger_row_booked_once_and_read_back_as_a_recovery()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connection, CancellationToken.None);
        await using var data = NpgsqlDataSource.Create(connection);
        var ledger = new PostgresClaimsLedger(data);
        var c = Case("C-1", 8000m, 0) with { Bookings = [new LedgerBooking("recovery/C-1/1", -1234.56m, Now, "recovery")] };

        var first = await ledger.AppendAsync([.. c.Bookings.Select((b, i) => RecoveryEntry.Submission(c, b, i))]);
        var again = await ledger.AppendAsync([.. c.Bookings.Select((b, i) => RecoveryEntry.Submission(c, b, i))]);

        Assert.Equal((1, 0), (first.Accepted.Count, first.Duplicates));
        Assert.Equal((0, 1), (again.Accepted.Count, again.Duplicates));
        var row = Assert.Single(await ledger.ReadClaimsAsync(["recovery/C-1/1"]));
        Assert.Equal((ClaimKind.Recovery, -1234.56m, "H53092200001", 1L), (row.Entry.Movement.Kind, row.Entry.Movement.FundPaid, row.Entry.Movement.HospitalId, row.Entry.Movement.HospitalSeq));
        var reversal = await ledger.AppendAsync([new ClaimSubmission(0,
            new ClaimEvent { ClaimId = "R-1", Kind = ClaimKind.Reversal, ReversesClaimId = "recovery/C-1/1", SettledAt = Now }, [7], """{"claimId":"R-1"}""")]);
        Assert.Contains("recovery", Assert.Single(reversal.Rejected).Errors[0]);
    }
}
