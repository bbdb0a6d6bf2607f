using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Ingest;

/// <summary><c>POST /api/claims</c> against the real embedded host over HTTP.</summary>
public sealed class ClaimsEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private RunningHost Host => fixture.Host;

    private async Task<(HttpStatusCode Status, IngestReplyView? Reply)> PostAsync(string body, string mediaType = "application/json")
    {
        using var client = Host.Ingest();
        using var response = await client.PostAsync("/api/claims", TestClaims.Body(body, mediaType));
        return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<IngestReplyView>() : null);
    }

    [Fact]
    public async Task Invalid_examples_are_refused_with_reasons_and_valid_neighbours_kept()
    {
        var invalid = JsonDocument.Parse(ContractFiles.Read("examples/invalid-claims.json")).RootElement
            .EnumerateArray().Select(e => e.GetProperty("event").GetRawText()).ToList();
        var valid = TestClaims.Settlements("mixed", 3);
        var before = await Host.FundAsync("county", "530922");

        var (status, reply) = await PostAsync(TestClaims.JsonArray([valid[0], .. invalid, valid[1], valid[2]]));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((3, 0), (reply!.Accepted, reply.Duplicates));
        Assert.Equal(Enumerable.Range(1, invalid.Count), reply.Rejected.Select(r => r.Index));
        Assert.All(reply.Rejected, r => Assert.NotEmpty(r.Errors));
        Assert.Equal(invalid.Count, reply.Rejected.Select(r => r.Errors[0]).Distinct().Count());
        Assert.StartsWith("reversesClaimId NO-SUCH-CLAIM is not a settlement in the ledger", reply.Rejected.Single(r => r.ClaimId == "X6").Errors[0]);
        var after = await Host.FundAsync("county", "530922");
        Assert.Equal(before.FundPaid + valid.Sum(TestClaims.FundPaidOf), after.FundPaid);
    }

    [Fact]
    public async Task Resent_batch_is_all_duplicates_and_changes_nothing()
    {
        var batch = TestClaims.JsonArray(TestClaims.Settlements("resend", 50));
        var first = await PostAsync(batch);
        var county = await Host.FundAsync("county", "530922");

        var again = await PostAsync(batch);

        Assert.Equal((50, 0), (first.Reply!.Accepted, first.Reply.Duplicates));
        Assert.Equal((0, 50), (again.Reply!.Accepted, again.Reply.Duplicates));
        Assert.Equal(county, await Host.FundAsync("county", "530922"));
    }

    [Fact]
    public async Task Same_claim_id_with_other_content_is_a_conflict()
    {
        var claim = TestClaims.Settlements("conflict", 1)[0];
        await PostAsync(TestClaims.JsonArray([claim]));

        var (_, reply) = await PostAsync(TestClaims.JsonArray([claim.Replace("\"dischargeDisposition\":\"1\"", "\"dischargeDisposition\":\"4\"")]));

        Assert.Equal(0, reply!.Accepted);
        Assert.StartsWith("claimId conflict-0000000 was already received with different content", Assert.Single(reply.Rejected).Errors[0]);
    }

    [Fact]
    public async Task Ndjson_batch_is_taken_line_by_line_and_a_bad_line_refused_alone()
    {
        var claims = TestClaims.Settlements("ndjson", 2);
        var (status, reply) = await PostAsync($"{claims[0]}\n{{not json\n\n{claims[1]}\n", "application/x-ndjson");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, reply!.Accepted);
        var bad = Assert.Single(reply.Rejected);
        Assert.Equal(1, bad.Index);
        Assert.StartsWith("line 2 is not JSON", bad.Errors[0]);
    }

    [Fact]
    public async Task Body_that_is_not_json_gets_400_and_changes_nothing()
    {
        var before = await Host.FundAsync("county", "530922");
        using var client = Host.Ingest();

        using var response = await client.PostAsync("/api/claims", TestClaims.Body("claims: many"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not JSON", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Host.FundAsync("county", "530922"));
    }

    [Fact]
    public async Task Batch_over_ten_thousand_gets_413_and_changes_nothing()
    {
        var before = await Host.FundAsync("county", "530922");
        var claims = TestClaims.Settlements("oversize", 10_001);
        using var client = Host.Ingest();

        using var response = await client.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("more than 10000 events", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await Host.FundAsync("county", "530922"));
        var (_, retry) = await PostAsync(TestClaims.JsonArray(claims.Take(1)));
        Assert.Equal(1, retry!.Accepted); // nothing of the refused batch had been taken
    }

    [Fact]
    public async Task Reversal_leaves_balances_as_if_the_settlement_never_happened()
    {
        var levels = new[] { ("hospital", "H53092200002"), ("alliance", "YX-TIGHT"), ("county", "530922") };
        var before = await Task.WhenAll(levels.Select(l => Host.FundAsync(l.Item1, l.Item2)));
        var settled = new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.FromHours(8));
        var claim = TestClaims.Settlement("reversed-1", "H53092200002", settled, new DateOnly(2026, 2, 2), 8888.88m, 9999.99m);
        await PostAsync(TestClaims.JsonArray([claim]));

        var (_, reply) = await PostAsync(TestClaims.JsonArray([TestClaims.Reversal("reversal-1", "reversed-1", settled.AddDays(30))]));

        Assert.Equal(1, reply!.Accepted);
        var after = await Task.WhenAll(levels.Select(l => Host.FundAsync(l.Item1, l.Item2)));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Posting_claims_needs_the_ingest_role()
    {
        using var anonymous = Host.Client();
        using var regulator = Host.Client(Host.Token("regulator", "county:530922"));
        var body = TestClaims.JsonArray(TestClaims.Settlements("roles", 1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/claims", TestClaims.Body(body))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await regulator.PostAsync("/api/claims", TestClaims.Body(body))).StatusCode);
    }
}
