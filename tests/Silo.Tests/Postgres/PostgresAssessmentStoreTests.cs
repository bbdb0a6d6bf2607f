using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Monitoring.Assessment;
using Monitoring.Silo.Storage;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// The review's steps in their own table (assessment_steps, migration 0055) on a throwaway PostgreSQL: each stage's
/// decision read back whole and in order, a second step under one number refused, the rows never changed; and through
/// the host, a review taken to the prefecture's decision is the same after a restart, one row a step.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class PostgresAssessmentStoreTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Steps_read_back_whole_and_in_order_a_taken_number_is_refused_and_rows_never_change()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).MigrateAsync(connection, CancellationToken.None);
        await using var data = NpgsqlDataSource.Create(connection);
        var store = new PostgresAssessmentStore(data);
        AssessmentStep[] steps =
        [
            new(1, AssessmentStage.SelfAssessment, 92.5m, "自评：县域内就诊率达标", "hospital@hospital:H53092200001", "hospital", "hospital:H53092200001", At, 95.6712m),
            new(2, AssessmentStage.CountyReview, 81.25m, "内部意见：基层占比偏低", "regulator@county:530922", "regulator", "county:530922", At.AddHours(2), 95.67m),
            new(3, AssessmentStage.PrefectureDecision, 60m, null, "regulator@region:530900", "regulator", "region:530900", At.AddDays(1), null),
        ];
        foreach (var step in steps)
        {
            await store.AppendAsync("YX-TIGHT", 2026, step);
        }

        await store.AppendAsync("YX-TIGHT", 2025, steps[0]);

        var loaded = await store.LoadAsync("YX-TIGHT", 2026);

        Assert.Equal(steps.Select(s => s with { At = s.At.ToUniversalTime() }), loaded.Select(s => s with { At = s.At.ToUniversalTime() }));
        Assert.All(loaded.Zip(steps), p => Assert.Equal(p.Second.At, p.First.At));   // the same instant
        var record = AssessmentRecord.Of("YX-TIGHT", 2026, loaded);
        Assert.Equal((AssessmentStatus.Decided, 60m), (record.Status, record.DecidedScore));
        Assert.Single(await store.LoadAsync("YX-TIGHT", 2025));
        Assert.Empty(await store.LoadAsync("YX-OTHER", 2026));

        var taken = await Assert.ThrowsAsync<PostgresException>(() => store.AppendAsync("YX-TIGHT", 2026, steps[1] with { Score = 99m }));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, taken.SqlState);
        await using var update = data.CreateCommand("UPDATE assessment_steps SET score = 100 WHERE seq = 3");
        await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync());
        await using var delete = data.CreateCommand("DELETE FROM assessment_steps");
        await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync());
        Assert.Equal(60m, (await store.LoadAsync("YX-TIGHT", 2026))[2].Score);
    }

    [Fact]
    public async Task A_review_taken_to_the_decision_is_the_same_after_a_restart_one_row_a_step()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var settings = PostgresHostSettings.For(connection);
        JsonElement before;
        await using (var host = await RunningHost.StartAsync(settings))
        {
            await StepAsync(host, "hospital", "hospital:H53092200001", """{"stage":"self-assessment","score":92.5,"notes":"自评"}""");
            await StepAsync(host, "regulator", "county:530922", """{"stage":"county-review","score":81.25,"notes":"内部意见"}""");
            await StepAsync(host, "regulator", "region:530900", """{"stage":"prefecture-decision","score":60}""");
            before = await ReviewAsync(host);
        }

        await using var restarted = await RunningHost.StartAsync(settings);
        var after = await ReviewAsync(restarted);

        Assert.Equal("decided", after.GetProperty("status").GetString());
        // The same steps, the time the same instant whatever offset it was written with.
        Assert.Equal(Steps(before), Steps(after));
        await using var data = NpgsqlDataSource.Create(connection);
        await using var rows = data.CreateCommand("SELECT string_agg(stage || ':' || score::text || ':' || role, ',' ORDER BY seq) FROM assessment_steps WHERE alliance_id = 'YX-TIGHT'");
        Assert.Equal("self-assessment:92.50:hospital,county-review:81.25:regulator,prefecture-decision:60.00:regulator", await rows.ExecuteScalarAsync());
        using var regulator = restarted.Client(restarted.Token("regulator", "county:530922"));
        var statement = await regulator.GetFromJsonAsync<JsonElement>("/api/settlements/alliance/YX-TIGHT");
        Assert.Equal(60m, statement.GetProperty("final").GetProperty("score").GetDecimal());
    }

    private static List<string> Steps(JsonElement review) => [.. review.GetProperty("steps").EnumerateArray().Select(s =>
        $"{s.GetProperty("seq")}|{s.GetProperty("stage")}|{s.GetProperty("score").GetDecimal():0.00}|{s.GetProperty("notes")}|{s.GetProperty("actor")}|{s.GetProperty("scope")}|{s.GetProperty("at").GetDateTimeOffset().UtcTicks}|{(s.GetProperty("indicatorScore").ValueKind == JsonValueKind.Number ? s.GetProperty("indicatorScore").GetDecimal().ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "-")}")];

    private static async Task StepAsync(RunningHost host, string role, string scope, string body)
    {
        using var client = host.Client(host.Token(role, scope));
        using var reply = await client.PostAsync("/api/assessment/alliance/YX-TIGHT/steps", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
    }

    private static async Task<JsonElement> ReviewAsync(RunningHost host)
    {
        using var client = host.Client(host.Token("regulator", "county:530922"));
        return (await client.GetFromJsonAsync<JsonElement>("/api/assessment/alliance/YX-TIGHT")).GetProperty("review");
    }
}
