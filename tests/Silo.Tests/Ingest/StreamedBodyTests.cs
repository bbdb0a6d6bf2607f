using System.Net;
using System.Net.Http.Json;
using System.Text;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Ingest;

/// <summary>
/// The body is read as a stream, event by event: a batch over the event limit is refused as soon as the limit is
/// passed (not after the whole body is buffered and parsed), and the byte limit holds for arrays and NDJSON alike.
/// </summary>
public sealed class StreamedBodyTests
{
    [Fact]
    public async Task Array_over_the_event_limit_is_refused_at_the_limit_whatever_follows()
    {
        await using var host = await RunningHost.StartAsync("--Monitoring:Ingest:MaxEventsPerBatch=100");
        var claims = TestClaims.Settlements("streamed-over", 101);
        // The limit is passed before the body ends; what follows is never read, so it cannot matter that it is garbage.
        var body = "[" + string.Join(",", claims) + "," + new string('x', 100_000);
        using var ingest = host.Ingest();

        using var response = await ingest.PostAsync("/api/claims", TestClaims.Body(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 100 are taken at once", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await host.FundAsync("county", "530922")).ClaimsCounted);
    }

    [Fact]
    public async Task Body_over_the_byte_limit_is_refused_for_arrays_and_ndjson()
    {
        await using var host = await RunningHost.StartAsync("--Monitoring:Ingest:MaxBodyBytes=100000");
        var claims = TestClaims.Settlements("streamed-bytes", 400); // about 150 kB
        using var ingest = host.Ingest();

        using var array = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
        using var ndjson = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.Ndjson(claims), "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, array.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, ndjson.StatusCode);
        Assert.Contains("100000 bytes", await ndjson.Content.ReadAsStringAsync());
        Assert.Equal(0, (await host.FundAsync("county", "530922")).ClaimsCounted);
    }

    [Fact]
    public async Task Array_and_ndjson_within_the_limits_are_taken_whole()
    {
        await using var host = await RunningHost.StartAsync();
        var claims = TestClaims.Settlements("streamed-ok", 300);
        using var ingest = host.Ingest();

        using var array = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims.Take(150))));
        using var ndjson = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.Ndjson(claims.Skip(150)).Replace("\n", "\r\n"), "application/x-ndjson"));

        Assert.Equal(150, (await array.Content.ReadFromJsonAsync<IngestReplyView>())!.Accepted);
        Assert.Equal(150, (await ndjson.Content.ReadFromJsonAsync<IngestReplyView>())!.Accepted);
    }

    [Fact]
    public async Task Json_object_body_is_refused_with_what_was_expected()
    {
        await using var host = await RunningHost.StartAsync();
        using var ingest = host.Ingest();

        using var response = await ingest.PostAsync("/api/claims", new ByteArrayContent(Encoding.UTF8.GetBytes("  {\"claimId\":\"x\"}")) { Headers = { { "Content-Type", "application/json" } } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a JSON array", await response.Content.ReadAsStringAsync());
    }
}
