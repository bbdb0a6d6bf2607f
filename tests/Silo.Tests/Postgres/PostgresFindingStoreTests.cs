using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Readmission;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// The stores' SQL for findings that hold together, on a migrated throwaway database: a reversal withdraws only alerts
/// that rest on their claims, a decided case resolves its alerts, and an escalation saved onto a case is what its
/// columns (alerts, claims, amount) then say.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class PostgresFindingStoreTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private const string Hospital = "H53092200001";

    private async Task<NpgsqlDataSource> DatabaseAsync()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connection, CancellationToken.None);
        return NpgsqlDataSource.Create(connection);
    }

    private static Alert Finding(string alertId, string kind, params string[] claimIds) => new()
    {
        AlertId = alertId,
        Kind = kind,
        Severity = AlertSeverity.Warning,
        Transition = AlertTransition.Raised,
        SubjectLevel = "hospital",
        SubjectId = Hospital,
        CountyId = "530922",
        HospitalId = Hospital,
        RaisedAt = Now,
        AsOf = Now,
        MessageZh = "测试",
        MessageEn = "test",
        ClaimIds = claimIds,
        EvidenceJson = "{}",
    };

    [Fact]
    public async Task A_reversal_withdraws_only_the_pair_and_a_decision_resolves_all_but_the_withdrawn()
    {
        await using var data = await DatabaseAsync();
        var store = new PostgresAlertStore(data);
        await store.AddAsync([
            Finding("pair", AlertKinds.SplitHospitalization, "CLM-1", "CLM-2"),
            Finding("upcoding", AlertKinds.Upcoding, "CLM-2", "CLM-3"),
            Finding("low", AlertKinds.LowThresholdAdmission, "CLM-2"),
        ]);

        var withdrawn = await store.WithdrawAsync([], ["CLM-2"], ReversedClaimsFeed.Reason);

        Assert.Equal(["pair"], withdrawn.Select(a => a.AlertId));
        Assert.Equal(AlertStatus.Open, (await store.FindAsync("upcoding"))!.Status);
        Assert.Equal(AlertStatus.Open, (await store.FindAsync("low"))!.Status);

        var resolved = await store.ResolveByCaseAsync(["pair", "upcoding"], "case-dismissed:C-1");
        Assert.Equal([("upcoding", AlertStatus.Resolved, "case-dismissed:C-1")], resolved.Select(a => (a.AlertId, a.Status, a.StatusReason)));
        Assert.Equal(AlertStatus.Withdrawn, (await store.FindAsync("pair"))!.Status);
        Assert.Empty(await store.ResolveByCaseAsync(["upcoding"], "case-dismissed:C-1"));
        Assert.Equal("case-appeal-upheld:C-1", Assert.Single(await store.ResolveByCaseAsync(["upcoding"], "case-appeal-upheld:C-1")).StatusReason);
    }

    [Fact]
    public async Task An_escalation_saved_onto_a_case_is_found_by_its_new_alert_and_claims_and_listed_at_its_new_amount()
    {
        await using var data = await DatabaseAsync();
        var store = new PostgresCaseStore(data);
        var opening = Finding("low/12/raised", AlertKinds.LowThresholdAdmission, "CLM-1");
        LedgerEntry Stay(string id, decimal paid) => new(
            new FundMovement(Hospital, 1, ClaimKind.Settlement, new DateOnly(2026, 5, 1), paid, Now),
            new ClaimEvent { ClaimId = id, Kind = ClaimKind.Settlement, SettledAt = Now, HospitalId = Hospital, FundPaid = paid }, "P-1");
        var (stored, _) = await store.AddAsync(CaseOpening.Open(opening, [Stay("CLM-1", 100m)], new HashSet<string>(), CaseActor.System, null, Now, CaseRules.Default));
        var escalation = Finding("low/13/escalated", AlertKinds.LowThresholdAdmission, "CLM-1", "CLM-7");

        var joined = CaseEvidence.Escalate(stored, escalation, [Stay("CLM-1", 100m), Stay("CLM-7", 900m)], new HashSet<string>(), Now)!;
        Assert.True(await store.SaveAsync(joined, stored.Version));

        Assert.Equal([stored.CaseId], (await store.UndecidedRestingOnAsync(["low/13/escalated"], [])).Select(c => c.CaseId));
        Assert.Equal([stored.CaseId], (await store.UndecidedRestingOnAsync([], ["CLM-7"])).Select(c => c.CaseId));
        var listed = Assert.Single(await store.QueryAsync(new CaseQuery(new AccessScope(AccessScope.Admin, ScopeKind.All, null),
            Status: CaseStatus.Open, HospitalId: Hospital, Kind: AlertKinds.LowThresholdAdmission, Sort: CaseSort.Amount)));
        Assert.Equal(1000m, listed.AmountAtStake);
        var read = (await store.GetAsync(stored.CaseId))!;
        Assert.Equal(["open", "escalate"], read.History.Select(h => h.Action));
        Assert.Equal(["low/12/raised", "low/13/escalated"], read.AlertIds);
    }

    [Fact]
    public async Task Migration_0035_gives_a_pair_stored_under_its_claims_ids_the_digest_id_the_detector_now_raises()
    {
        await using var data = await DatabaseAsync();
        const string old = "split-hospitalization/pair/CLM-1>CLM-2";
        var fresh = ReadmissionAlerts.PairAlertId("CLM-1>CLM-2");
        var alerts = new PostgresAlertStore(data);
        var cases = new PostgresCaseStore(data);
        await alerts.AddAsync([Finding(old, AlertKinds.SplitHospitalization, "CLM-1", "CLM-2"), Finding("low/12/raised", AlertKinds.LowThresholdAdmission, "CLM-3")]);
        var (opened, _) = await cases.AddAsync(CaseOpening.Open(Finding(old, AlertKinds.SplitHospitalization, "CLM-1", "CLM-2"), [], new HashSet<string>(),
            CaseActor.System, null, Now, CaseRules.Default));
        var sampled = CaseWorkflow.Record(opened, opened.Status, CaseActions.Sample, CaseActor.System, Now, null, null, [], isInternal: true, itemIds: [old]);
        Assert.True(await cases.SaveAsync(sampled, opened.Version));

        // Run as the migrator did (a database migrated before 0035 held such rows): a second run changes nothing.
        var script = typeof(SchemaMigrator).Assembly.GetManifestResourceStream("Monitoring.Silo.Storage.Migrations.0035_pair_alert_digest_ids.sql")!;
        var sql = await new StreamReader(script).ReadToEndAsync();
        for (var run = 0; run < 2; run++)
        {
            await using var command = data.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        }

        Assert.Null(await alerts.FindAsync(old));
        Assert.Equal(fresh, (await alerts.FindAsync(fresh))!.AlertId);
        Assert.NotNull(await alerts.FindAsync("low/12/raised"));
        Assert.Empty(await alerts.AddAsync([Finding(fresh, AlertKinds.SplitHospitalization, "CLM-1", "CLM-2")]));
        var read = (await cases.GetAsync(opened.CaseId))!;
        Assert.Equal([fresh], read.AlertIds);
        Assert.Equal([(fresh, fresh)], read.Items.Select(i => (i.ItemId, i.AlertId)));
        Assert.Contains(read.History, h => h.ItemIds is [var id] && id == fresh);
        Assert.DoesNotContain(read.History, h => h.ItemIds?.Contains(old) == true);
    }
}
