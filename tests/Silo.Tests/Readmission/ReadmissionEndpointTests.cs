using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Silo.Tests.Hosting;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Readmission;

/// <summary><c>GET /api/readmission/hospital/{id}</c> and the split-hospitalization alert, against the real embedded host.</summary>
public sealed class ReadmissionEndpointTests(EmbeddedHostFixture fixture) : IClassFixture<EmbeddedHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private RunningHost Host => fixture.Host;

    private async Task<HttpStatusCode> GetStatusAsync(string token, string path)
    {
        using var client = Host.Client(token);
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }

    private async Task<JsonElement> GetJsonAsync(string token, string path)
    {
        using var client = Host.Client(token);
        return await client.GetFromJsonAsync<JsonElement>(path);
    }

    /// <summary>Reads <paramref name="path"/> until <paramref name="done"/> holds: the dispatch reaches the detector after the POST returns.</summary>
    private async Task<JsonElement> ReadUntilAsync(string path, Func<JsonElement, bool> done)
    {
        var admin = Host.Token("admin");
        var clock = Stopwatch.StartNew();
        var document = await GetJsonAsync(admin, path);
        while (!done(document) && clock.Elapsed < Patience)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            document = await GetJsonAsync(admin, path);
        }

        return document;
    }

    [Fact]
    public async Task Hospital_reads_its_own_rate_but_not_another_hospitals_and_unknown_is_404()
    {
        var own = Host.Token("hospital", "hospital:H53092200202");

        Assert.Equal(HttpStatusCode.OK, await GetStatusAsync(own, "/api/readmission/hospital/H53092200202"));
        Assert.Equal(HttpStatusCode.Forbidden, await GetStatusAsync(own, "/api/readmission/hospital/H53092200001"));
        Assert.Equal(HttpStatusCode.NotFound, await GetStatusAsync(Host.Token("admin"), "/api/readmission/hospital/H00000000000"));
    }

    [Fact]
    public async Task Hospital_without_discharges_has_no_rate_yet()
    {
        var standing = await GetJsonAsync(Host.Token("hospital", "hospital:H53092200202"), "/api/readmission/hospital/H53092200202");

        Assert.Equal("H53092200202", standing.GetProperty("hospitalId").GetString());
        Assert.Equal(0, standing.GetProperty("discharges").GetInt32());
        Assert.Equal(JsonValueKind.Null, standing.GetProperty("rate").ValueKind);
    }

    [Fact]
    public async Task Readmission_three_days_later_for_the_same_diagnosis_is_alerted_and_counted()
    {
        const string hospital = "H53092200001";
        var firstDischarge = new DateOnly(2026, 3, 10);
        var secondDischarge = firstDischarge.AddDays(8); // TestClaims admits 5 days before discharge: readmitted 3 days later.
        var first = TestClaims.Settlement("readmit-1", hospital, At(firstDischarge.AddDays(1)), firstDischarge, 4_000m, 6_000m, "P-readmit");
        var second = TestClaims.Settlement("readmit-2", hospital, At(secondDischarge.AddDays(1)), secondDischarge, 4_200m, 6_300m, "P-readmit");
        using (var ingest = Host.Ingest())
        using (var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([first, second]))))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var alerts = await ReadUntilAsync("/api/alerts?kind=split-hospitalization", a => a.GetArrayLength() > 0);
        var standing = await ReadUntilAsync($"/api/readmission/hospital/{hospital}", s => s.GetProperty("suspectPairs").GetInt32() >= 1);

        var alert = Assert.Single(alerts.EnumerateArray(), a => a.GetProperty("hospitalId").GetString() == hospital);
        Assert.Equal(["readmit-1", "readmit-2"], alert.GetProperty("claimIds").EnumerateArray().Select(c => c.GetString()).Order());
        Assert.True(standing.GetProperty("suspectPairs").GetInt32() >= 1);
        Assert.True(standing.GetProperty("discharges").GetInt32() >= 2);
        Assert.True(standing.GetProperty("rate").GetDouble() > 0);
        Assert.Equal("2026-03-19", standing.GetProperty("asOf").GetString());
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));
}
