using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Monitoring.Demo;

namespace Monitoring.Benchmarks;

/// <summary>What every measurement does with a host: post a demo year in contract-sized batches, read the alerts back.</summary>
internal static class DemoYearClient
{
    private const int Page = 1_000;

    /// <summary>Posts the claims as NDJSON batches; false (with the refusal on stderr) at the first batch not taken.</summary>
    public static async Task<bool> PostAsync(HttpClient ingest, IReadOnlyList<JsonObject> claims, int batch)
    {
        var posted = 0;
        foreach (var chunk in claims.Chunk(batch))
        {
            var body = new StringBuilder();
            foreach (var claim in chunk)
            {
                body.Append(claim.ToJsonString(DemoJson.Compact)).Append('\n');
            }

            using var response = await ingest.PostAsync("/api/claims", new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"));
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"batch at event {posted}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return false;
            }

            posted += chunk.Length;
        }

        return true;
    }

    /// <summary>Every alert of a kind (of every kind when null), a page at a time by the <c>Link: rel="next"</c> cursor, each once.</summary>
    public static async Task<List<JsonObject>> AlertsAsync(HttpClient admin, string? kind)
    {
        var alerts = new Dictionary<string, JsonObject>();
        string? url = kind is null ? $"/api/alerts?limit={Page}" : $"/api/alerts?kind={kind}&limit={Page}";
        while (url is not null)
        {
            using var response = await admin.GetAsync(url);
            response.EnsureSuccessStatusCode();
            foreach (var alert in (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(a => a!.AsObject()))
            {
                alerts.TryAdd((string)alert["alertId"]!, alert);
            }

            url = NextLink(response);
        }

        return [.. alerts.Values];
    }

    private static string? NextLink(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.SelectMany(l => l.Split(',')).Select(l => l.Split(';', StringSplitOptions.TrimEntries))
                .Where(p => p.Skip(1).Any(x => x.Replace(" ", "", StringComparison.Ordinal) is "rel=next" or "rel=\"next\""))
                .Select(p => p[0].Trim('<', '>')).FirstOrDefault()
            : null;
}
