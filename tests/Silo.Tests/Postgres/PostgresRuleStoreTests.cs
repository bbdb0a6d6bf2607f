using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.LowThreshold;
using Monitoring.Pace;
using Monitoring.Readmission;
using Monitoring.Rules;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Monitoring.Upcoding;
using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>The rule library's history on a migrated throwaway PostgreSQL: read back in order and whole, and never changed.</summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class PostgresRuleStoreTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task History_reads_back_in_order_and_folds_to_the_same_library_and_refuses_updates()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connection, CancellationToken.None);
        await using var data = NpgsqlDataSource.Create(connection);
        var store = new PostgresRuleStore(data);
        var rules = RuleCatalogue.Rules(new ReadmissionOptions(), new BudgetPaceOptions(), new UpcodingOptions(), new LowThresholdOptions());
        var seeds = RuleCatalogue.Seeds(rules, new ReadmissionOptions(), new BudgetPaceOptions(), At);
        var library = RuleLibrary.Seeded(rules, seeds);
        var draft = library.Draft(RuleIds.SplitHospitalization, "county:530922", new DateOnly(2026, 12, 3), new Dictionary<string, decimal> { ["windowDays"] = 7 }, "regulator:a", At, "policy", "530900");
        var publish = draft.Library!.Publish(RuleIds.SplitHospitalization, draft.Event!.Version, "regulator:a", At, "go");
        await store.AppendAsync(seeds);
        await store.AppendAsync([draft.Event!, publish.Event!]);

        var loaded = await store.LoadAsync();

        Assert.Equal(seeds.Length + 2, loaded.Length);
        var folded = loaded.Aggregate(new RuleLibrary { Rules = rules, Versions = [] }, (l, e) => l.Apply(e));
        var inForce = folded.InForce(RuleIds.SplitHospitalization, "530922", "530900", new DateOnly(2026, 12, 3));
        Assert.Equal((draft.Event!.Version, 7m, "regulator:a"), (inForce.Version, inForce["windowDays"], inForce.History[0].By));
        await using var update = data.CreateCommand("UPDATE rule_history SET actor = 'someone else'");
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
    }
}
