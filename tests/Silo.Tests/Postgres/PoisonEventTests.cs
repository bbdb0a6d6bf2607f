using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Postgres;

/// <summary>
/// One bad event never costs its neighbours: events that pass a naive reading but that PostgreSQL, the fingerprint or
/// the budget calendar cannot hold are each refused alone, with a reason, and every valid neighbour is taken.
/// </summary>
[Collection("postgres")]
[Trait("Category", "Postgres")]
public sealed class PoisonEventTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Settled = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Each poison as the bytes of one JSON event, with what its refusal must mention.</summary>
    private static IEnumerable<(string Name, byte[] Json, string Reason)> Poisons()
    {
        string Valid(string id) => TestClaims.Settlement(id, "H53092200001", Settled, new DateOnly(2026, 3, 1), 100.00m, 200.00m);
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

        yield return ("nul in an extra field", Utf8(Valid("p-nul").Replace("}", ",\"remark\":\"a\\u0000b\"}")), "NUL");
        yield return ("nul in the patient", Utf8(Valid("p-nul2").Replace("\"P-0001\"", "\"P-\\u00001\"")), "NUL");
        yield return ("lone surrogate in the id", Utf8(Valid("p-id").Replace("\"p-id\"", "\"\\ud83d\"")), "not valid text");
        yield return ("lone surrogate", Utf8(Valid("p-surrogate").Replace("}", ",\"remark\":\"\\ud83d\"}")), "surrogate");
        var invalidUtf8 = Utf8(Valid("p-utf8").Replace("}", ",\"remark\":\"ab\"}"));
        var at = Array.LastIndexOf(invalidUtf8, (byte)'a');
        invalidUtf8[at] = 0xC3; // a lead byte followed by 'b': not UTF-8
        yield return ("invalid UTF-8", invalidUtf8, "UTF-8");
        yield return ("year 9999", Utf8(Valid("p-9999").Replace(Settled.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), "9999-12-31T23:00:00Z")), "fund year");
        yield return ("year 0001", Utf8(Valid("p-0001").Replace(Settled.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), "0001-01-02T00:00:00+08:00")), "fund year");
        yield return ("year 1900", Utf8(Valid("p-1900").Replace(Settled.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), "1900-06-01T00:00:00+08:00")), "fund year");
        yield return ("next year", Utf8(Valid("p-2027").Replace(Settled.ToString("yyyy-MM-dd'T'HH:mm:sszzz"), "2027-01-05T10:00:00+08:00")), "fund year");
        yield return ("tiny amount", Utf8(Valid("p-tiny").Replace("\"fundPaid\":100.00", "\"fundPaid\":1e-30")), "decimal places");
        yield return ("blank claim id", Utf8(Valid("p-blank").Replace("\"p-blank\"", "\"   \"")), "blank");
        yield return ("huge remark", Utf8(Valid("p-huge").Replace("}", $",\"remark\":\"{new string('x', 1_000_000)}\"}}")), "extra");
    }

    [Fact]
    public async Task Each_poison_event_is_refused_alone_and_its_neighbours_are_taken()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await using var host = await RunningHost.StartAsync(PostgresHostSettings.For(connection));
        var poisons = Poisons().ToList();
        var valid = TestClaims.Settlements("neighbour", poisons.Count + 1);
        var body = new MemoryStream();
        body.WriteByte((byte)'[');
        for (var i = 0; i < poisons.Count; i++)
        {
            body.Write(Encoding.UTF8.GetBytes(valid[i] + ","));
            body.Write(poisons[i].Json);
            body.WriteByte((byte)',');
        }

        body.Write(Encoding.UTF8.GetBytes(valid[^1] + "]"));
        using var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var ingest = host.Ingest();

        using var response = await ingest.PostAsync("/api/claims", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await response.Content.ReadFromJsonAsync<IngestReplyView>())!;
        Assert.Equal(valid.Count, reply.Accepted);
        Assert.Equal(Enumerable.Range(0, poisons.Count).Select(i => (2 * i) + 1), reply.Rejected.Select(r => r.Index));
        for (var i = 0; i < poisons.Count; i++)
        {
            Assert.Contains(poisons[i].Reason, string.Join(" ", reply.Rejected[i].Errors), StringComparison.OrdinalIgnoreCase);
        }

        var ledger = new LedgerTotals(connection);
        Assert.Equal(valid.Count, await ledger.RowsAsync());
        Assert.Equal(valid.Sum(TestClaims.FundPaidOf), await ledger.FundPaidAsync(TestClaims.ExampleHospitals));
        Assert.Equal(valid.Sum(TestClaims.FundPaidOf), (await host.FundAsync("county", "530922")).FundPaid);
    }
}
