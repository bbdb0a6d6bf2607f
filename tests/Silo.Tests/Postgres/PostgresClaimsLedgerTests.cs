using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>The PostgreSQL ledger's own SQL: duplicates, conflicts, reversals and reads, on a migrated throwaway database.</summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class PostgresClaimsLedgerTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset March = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private async Task<(PostgresClaimsLedger Ledger, NpgsqlDataSource Data)> LedgerAsync()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connection, CancellationToken.None);
        var data = NpgsqlDataSource.Create(connection);
        return (new PostgresClaimsLedger(data), data);
    }

    private static ClaimSubmission Settlement(int index, string id, string hospital, decimal paid, byte fingerprint = 1) =>
        new(index, new ClaimEvent { ClaimId = id, Kind = ClaimKind.Settlement, SettledAt = March, HospitalId = hospital, PatientId = "P", FundPaid = paid },
            [fingerprint], $$"""{"claimId":"{{id}}"}""");

    private static ClaimSubmission Reversal(int index, string id, string target) =>
        new(index, new ClaimEvent { ClaimId = id, Kind = ClaimKind.Reversal, SettledAt = March.AddDays(31), ReversesClaimId = target },
            [9], $$"""{"claimId":"{{id}}"}""");

    [Fact]
    public async Task Resend_is_a_duplicate_and_changed_content_a_conflict()
    {
        var (ledger, data) = await LedgerAsync();
        await using var _ = data;
        await ledger.AppendAsync([Settlement(0, "A", "H1", 10), Settlement(1, "B", "H1", 20)]);

        var again = await ledger.AppendAsync([Settlement(0, "A", "H1", 10), Settlement(1, "B", "H1", 21, fingerprint: 2), Settlement(2, "C", "H1", 5)]);

        Assert.Equal(1, again.Duplicates);
        Assert.Equal(1, Assert.Single(again.Rejected).Index);
        var accepted = Assert.Single(again.Accepted);
        Assert.Equal(("C", 3L, 3L), (accepted.Claim.ClaimId, accepted.Movement.HospitalSeq, accepted.Movement.HospitalSeq));
    }

    [Fact]
    public async Task Reversal_is_taken_once_and_reads_back_negated_in_the_original_month()
    {
        var (ledger, data) = await LedgerAsync();
        await using var _ = data;
        await ledger.AppendAsync([Settlement(0, "A", "H1", 10.25m), Settlement(1, "B", "H2", 7)]);

        var first = await ledger.AppendAsync([Reversal(0, "R1", "A")]);
        var second = await ledger.AppendAsync([Reversal(0, "R2", "A"), Reversal(1, "R3", "NOPE")]);

        Assert.Single(first.Accepted);
        Assert.Equal(["settlement A was already reversed by R1 (结算 A 已被 R1 冲销)", "reversesClaimId NOPE is not a settlement in the ledger; if it is on its way in another batch, send this reversal again once that batch is taken (被冲销的结算 NOPE 不存在；若该结算在另一批次中尚未入账，请待其入账后重发本冲销)"],
            second.Rejected.Select(r => r.Errors[0]));
        var movements = new List<FundMovement>();
        await foreach (var m in ledger.ReadMovementsAsync([new HospitalCursor("H1", 0)]))
        {
            movements.Add(m);
        }

        Assert.Equal([(1L, 10.25m, ClaimKind.Settlement), (2L, -10.25m, ClaimKind.Reversal)], movements.Select(m => (m.HospitalSeq, m.FundPaid, m.Kind)));
        Assert.All(movements, m => Assert.Equal(new DateOnly(2026, 3, 1), m.BudgetDate));
    }

    [Fact]
    public async Task Concurrent_appends_keep_each_hospitals_sequence_without_gaps()
    {
        var (ledger, data) = await LedgerAsync();
        await using var _ = data;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(batch =>
            ledger.AppendAsync([.. Enumerable.Range(0, 50).Select(i => Settlement(i, $"S{batch}-{i}", i % 2 == 0 ? "H1" : "H2", 1))])));

        var seqs = new List<long>();
        await foreach (var m in ledger.ReadMovementsAsync([new HospitalCursor("H1", 0)]))
        {
            seqs.Add(m.HospitalSeq);
        }

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), seqs);
    }
}
