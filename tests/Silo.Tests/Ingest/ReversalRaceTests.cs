using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Ingest;

/// <summary>
/// Two feeds race: one posts settlements, the other the reversals of some of them. A reversal that reaches the ledger
/// before its settlement is refused with a reason saying to send it again (docs/claim-events.md); once re-sent, the
/// balances and the alerts are those of the same events sent in order to a host of its own.
/// </summary>
public sealed class ReversalRaceTests
{
    private const string Hospital = "H53092200001";
    private const string County = "530922";
    private static readonly DateTimeOffset ReversedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Reversal_racing_its_settlement_is_refused_with_a_resend_reason_and_once_resent_ends_as_if_sent_in_order()
    {
        var (pairFirst, pairSecond) = TestSplitPairs.Pair("race-pair", Hospital, day: 40);
        var settlements = TestClaims.Settlements("race", 400).Append(pairFirst).Append(pairSecond).ToList();
        var reversed = Enumerable.Range(0, 400).Where(i => i % 9 == 0).Select(i => $"race-{i:D7}").Append("race-pair-2").ToList();
        var reversals = reversed.Select(id => TestClaims.Reversal($"{id}-R", id, ReversedAt)).ToList();

        await using var inOrder = await RunningHost.StartAsync();
        using (var feed = inOrder.Ingest())
        {
            await PostAsync(feed, settlements);
            Assert.Empty((await PostAsync(feed, reversals)).Rejected);
        }

        await using var raced = await RunningHost.StartAsync();
        using var settlementFeed = raced.Ingest();
        using var reversalFeed = raced.Ingest();
        // The pair's reversal certainly loses the race: it is sent before any settlement; the rest race for real.
        var early = await PostAsync(reversalFeed, [reversals[^1]]);
        var refusedEarly = Assert.Single(early.Rejected);
        Assert.Contains("send this reversal again once that batch is taken", refusedEarly.Errors[0]);
        var race = await Task.WhenAll(
            PostAsync(settlementFeed, settlements),
            PostAsync(reversalFeed, reversals[..^1]));
        var refused = race[1].Rejected.Select(r => r.ClaimId!).Append(refusedEarly.ClaimId!).ToHashSet();
        Assert.All(race[1].Rejected, r => Assert.StartsWith($"reversesClaimId {r.ClaimId![..^2]} is not a settlement in the ledger", r.Errors[0]));
        var resent = await PostAsync(reversalFeed, reversals.Where(r => refused.Any(id => r.Contains($"\"{id}\"", StringComparison.Ordinal))));
        Assert.Equal((refused.Count, 0, 0), (resent.Accepted, resent.Duplicates, resent.Rejected.Count));

        var expected = await inOrder.FundAsync("county", County);
        var actual = await raced.FundAsync("county", County);
        Assert.Equal((expected.FundPaid, expected.ClaimsCounted), (actual.FundPaid, actual.ClaimsCounted));
        var expectedAlerts = await SettledAlertsAsync(inOrder);
        Assert.Contains(expectedAlerts, a => a.StartsWith("split-hospitalization/", StringComparison.Ordinal) && a.EndsWith("|withdrawn", StringComparison.Ordinal));
        Assert.Equal(expectedAlerts, await SettledAlertsAsync(raced, expectedAlerts));
    }

    private static async Task<IngestReplyView> PostAsync(HttpClient feed, IEnumerable<string> events)
    {
        using var response = await feed.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(events)), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IngestReplyView>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Every alert as id, severity, asOf and status, once it has stopped changing (or matches what is expected).</summary>
    private static async Task<List<string>> SettledAlertsAsync(RunningHost host, List<string>? expected = null)
    {
        using var admin = host.Admin();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        List<string>? last = null;
        while (true)
        {
            var alerts = await admin.GetFromJsonAsync<JsonElement>("/api/alerts?limit=1000", TestContext.Current.CancellationToken);
            var now = alerts.EnumerateArray()
                .Select(a => $"{a.GetProperty("alertId").GetString()}|{a.GetProperty("severity").GetString()}|{a.GetProperty("asOf").GetString()}|{a.GetProperty("status").GetString()}")
                .Order(StringComparer.Ordinal).ToList();
            if ((expected is null ? last is not null && now.SequenceEqual(last) : now.SequenceEqual(expected)) || DateTime.UtcNow > deadline)
            {
                return now;
            }

            last = now;
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
