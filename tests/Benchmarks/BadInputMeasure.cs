using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Monitoring.Testing;
using Npgsql;

namespace Monitoring.Benchmarks;

/// <summary>
/// How the PostgreSQL mode treats bad input, from outside: posts malformed events of every kind the hardening issue
/// names (text PostgreSQL cannot hold, settlement times outside the fund year or ahead of the clock, sub-fen amounts,
/// blank or padded ids, oversized extras) shuffled among valid ones, in contract-sized batches, to a real host on a
/// throwaway server. Prints, per kind, refused/sent; valid accepted/sent; and the ledger's growth against the sum of
/// the valid events. Every batch must be answered 200: one bad event may never cost its batch.
/// </summary>
public static class BadInputMeasure
{
    private static readonly DateTimeOffset Settled = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task<int> RunAsync(string[] args)
    {
        var perKind = BenchmarkArgs.Int(args, "--per-kind", 700);
        var validCount = BenchmarkArgs.Int(args, "--valid", 7_000);
        var batchSize = BenchmarkArgs.Int(args, "--batch", 1_000);
        var kinds = Kinds();
        var random = new Random(16);
        var events = new List<(string Kind, byte[] Json, decimal FundPaid)>();
        foreach (var (kind, make) in kinds)
        {
            for (var i = 0; i < perKind; i++)
            {
                events.Add((kind, make($"bad-{kind}-{i}"), 0m));
            }
        }

        foreach (var claim in TestClaims.Settlements("bad-input-valid", validCount))
        {
            events.Add(("valid", Encoding.UTF8.GetBytes(claim), TestClaims.FundPaidOf(claim)));
        }

        var shuffled = events.OrderBy(_ => random.Next()).ToList();
        Console.WriteLine($"bad-input-measure: {perKind * kinds.Count:N0} malformed events of {kinds.Count} kinds and {validCount:N0} valid ones, shuffled, in batches of {batchSize:N0}, PostgreSQL mode");

        await using var database = new PostgresServer();
        await database.InitializeAsync();
        var connection = await database.CreateDatabaseAsync();
        await using var host = await RunningHost.StartAsync(
            "--Monitoring:Storage:Provider=PostgreSql",
            $"--Monitoring:Storage:ConnectionString={connection}",
            "--Monitoring:Auth:SigningKey=benchmark-signing-key-benchmark-signing-key",
            // The real guard, not the test fixtures' wide one: the clock kind needs it.
            "--Monitoring:Ingest:MaxAheadOfClock=1.00:00:00",
            "--Logging:LogLevel:Default=Warning");
        var (rowsBefore, paidBefore) = await LedgerAsync(connection);

        var refused = new Dictionary<string, int>();
        var statuses = new Dictionary<int, int>();
        var accepted = 0;
        using var ingest = host.Ingest();
        foreach (var chunk in shuffled.Chunk(batchSize))
        {
            var body = new MemoryStream();
            body.WriteByte((byte)'[');
            for (var i = 0; i < chunk.Length; i++)
            {
                if (i > 0)
                {
                    body.WriteByte((byte)',');
                }

                body.Write(chunk[i].Json);
            }

            body.WriteByte((byte)']');
            using var content = new ByteArrayContent(body.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await ingest.PostAsync("/api/claims", content);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            var reply = (await response.Content.ReadFromJsonAsync<IngestReplyView>())!;
            accepted += reply.Accepted;
            foreach (var rejection in reply.Rejected)
            {
                refused[chunk[rejection.Index].Kind] = refused.GetValueOrDefault(chunk[rejection.Index].Kind) + 1;
            }
        }

        var (rowsAfter, paidAfter) = await LedgerAsync(connection);
        var validSum = events.Where(e => e.Kind == "valid").Sum(e => e.FundPaid);
        Console.WriteLine($"replies          : {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} x {s.Key}"))}");
        foreach (var (kind, _) in kinds)
        {
            Console.WriteLine($"{kind,-17}: refused {refused.GetValueOrDefault(kind),6:N0} / sent {perKind,6:N0}");
        }

        Console.WriteLine($"{"valid",-17}: accepted {accepted,5:N0} / sent {validCount,6:N0} (refused {refused.GetValueOrDefault("valid"):N0})");
        Console.WriteLine($"ledger growth    : {rowsAfter - rowsBefore:N0} rows, {paidAfter - paidBefore:N2} yuan; valid events: {validCount:N0} rows, {validSum:N2} yuan; difference {paidAfter - paidBefore - validSum:N2}");
        var exact = statuses.Keys.All(s => s == 200) && accepted == validCount && rowsAfter - rowsBefore == validCount && paidAfter - paidBefore == validSum
                    && kinds.All(k => refused.GetValueOrDefault(k.Kind) == perKind);
        Console.WriteLine(exact ? "every malformed event refused alone, every valid one taken, the ledger exact to the fen" : "MISMATCH: see above");
        var requests = await RequestsAsync(host, perRequestKind: BenchmarkArgs.Int(args, "--per-request-kind", 20));
        return exact && requests ? 0 : 1;
    }

    /// <summary>
    /// The dashboard's side: every query parameter of the alert, case and drill-down reads and every field of the case
    /// action, case opening and acknowledgement bodies, each sent with one defect (a NUL, a lone surrogate, a quoted
    /// number) to a case and an alert of a planted split pair. Every request must be answered 400 naming what is wrong,
    /// none 500, and the case and the alert must read afterwards as before.
    /// </summary>
    private static async Task<bool> RequestsAsync(RunningHost host, int perRequestKind)
    {
        var (first, second) = TestSplitPairs.Pair("bad-request", "H53092200001", day: 58);
        using (var ingest = host.Ingest())
        using (var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray([first, second]))))
        {
            posted.EnsureSuccessStatusCode();
        }

        using var inspector = host.Client(host.Token("inspector", "county:530922"));
        var (caseId, alertId) = await CaseOfAsync(inspector, "bad-request-2");
        foreach (var action in new[] { """{"action":"take"}""", """{"action":"review"}""" })
        {
            using var moved = await inspector.PostAsync($"/api/cases/{caseId}/actions", TestClaims.Body(action));
            moved.EnsureSuccessStatusCode();
        }

        var before = await inspector.GetStringAsync($"/api/cases/{caseId}");
        var actions = $"/api/cases/{caseId}/actions";
        var acknowledge = $"/api/alerts/{Uri.EscapeDataString(alertId)}/acknowledge";
        (string Kind, string Field, HttpMethod Method, string Path, string? Body)[] kinds =
        [
            .. new[] { "kind", "hospitalId", "countyId", "status", "severity", "since", "limit", "cursor", "format" }
                .Select(p => ($"nul-in-query", p, HttpMethod.Get, $"/api/alerts?{p}=a%00b", (string?)null)),
            .. new[] { "status", "countyId", "hospitalId", "owner", "kind", "sort", "limit", "cursor" }
                .Select(p => ($"nul-in-query", p, HttpMethod.Get, $"/api/cases?{p}=a%00b", (string?)null)),
            .. new[] { "by", "key", "month", "limit", "offset" }
                .Select(p => ($"nul-in-query", p, HttpMethod.Get, $"/api/drilldown/hospital/H53092200001/claims?{p}=a%00b", (string?)null)),
            ("nul-in-body", "action", HttpMethod.Post, actions, """{"action":"no\u0000te","note":"x"}"""),
            ("nul-in-body", "note", HttpMethod.Post, actions, """{"action":"note","note":"a\u0000b"}"""),
            ("nul-in-body", "assignee", HttpMethod.Post, actions, """{"action":"assign","assignee":"insp\u0000b"}"""),
            ("nul-in-body", "documents", HttpMethod.Post, actions, """{"action":"note","note":"x","documents":["a\u0000.pdf"]}"""),
            ("nul-in-body", "outcome", HttpMethod.Post, actions, """{"action":"note","note":"x","outcome":"up\u0000hold"}"""),
            ("nul-in-body", "alertId", HttpMethod.Post, "/api/cases", """{"alertId":"a\u0000b"}"""),
            ("nul-in-body", "note", HttpMethod.Post, "/api/cases", """{"alertId":"a","note":"a\u0000b"}"""),
            ("nul-in-body", "note", HttpMethod.Post, acknowledge, """{"note":"a\u0000b"}"""),
            ("lone-surrogate", "note", HttpMethod.Post, actions, """{"action":"note","note":"a\udc00b"}"""),
            ("lone-surrogate", "assignee", HttpMethod.Post, actions, """{"action":"assign","assignee":"\ud83d"}"""),
            ("lone-surrogate", "alertId", HttpMethod.Post, "/api/cases", """{"alertId":"\udc00"}"""),
            ("lone-surrogate", "note", HttpMethod.Post, acknowledge, """{"note":"a\udc00b"}"""),
            ("quoted-number", "amount", HttpMethod.Post, actions, """{"action":"confirm","amount":"100"}"""),
        ];

        var statuses = new Dictionary<int, int>();
        var tally = new Dictionary<string, (int Refused, int Named, int Sent)>();
        foreach (var (kind, field, method, path, body) in kinds)
        {
            for (var i = 0; i < perRequestKind; i++)
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : TestClaims.Body(body) };
                using var response = await inspector.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                var (refused, named, sent) = tally.GetValueOrDefault(kind);
                tally[kind] = (refused + (response.StatusCode == System.Net.HttpStatusCode.BadRequest ? 1 : 0), named + (text.Contains(field, StringComparison.Ordinal) ? 1 : 0), sent + 1);
            }
        }

        var after = await inspector.GetStringAsync($"/api/cases/{caseId}");
        var alerts = await inspector.GetStringAsync("/api/alerts?hospitalId=H53092200001&kind=split-hospitalization");
        var unchanged = after == before && !alerts.Contains("\"acknowledged\":{", StringComparison.Ordinal);
        Console.WriteLine($"requests         : {kinds.Length} defects x {perRequestKind} = {kinds.Length * perRequestKind:N0} sent; replies {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} x {s.Key}"))}");
        foreach (var (kind, (refused, named, sent)) in tally)
        {
            Console.WriteLine($"{kind,-17}: refused {refused,6:N0} / sent {sent,6:N0}, the field named in {named:N0}");
        }

        Console.WriteLine($"case and alert   : {(unchanged ? "read as before" : "CHANGED")}");
        var exact = unchanged && statuses.Keys.All(s => s == 400) && tally.Values.All(t => t.Refused == t.Sent && t.Named == t.Sent);
        Console.WriteLine(exact ? "every defective request refused alone with a 400 naming its field, no 500, nothing changed" : "MISMATCH: see above");
        return exact;
    }

    private static async Task<(string CaseId, string AlertId)> CaseOfAsync(HttpClient client, string claimId)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var cases = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/cases?limit=500");
            foreach (var c in cases.EnumerateArray())
            {
                if (c.GetProperty("claimIds").EnumerateArray().Any(id => id.GetString() == claimId))
                {
                    return (c.GetProperty("caseId").GetString()!, c.GetProperty("alertIds")[0].GetString()!);
                }
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"no case opened on {claimId}");
    }

    /// <summary>Each kind of malformed event, made from a valid settlement with one defect.</summary>
    private static IReadOnlyList<(string Kind, Func<string, byte[]> Make)> Kinds()
    {
        string Valid(string id) => TestClaims.Settlement(id, "H53092200001", Settled, new DateOnly(2026, 3, 1), 100.00m, 200.00m);
        string At(string id, string settledAt) => Valid(id).Replace(Settled.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), settledAt);
        byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
        var ahead = DateTimeOffset.UtcNow.AddDays(5).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        return
        [
            ("nul-in-extra", id => Utf8(Valid(id).Replace("}", ",\"remark\":\"a\\u0000b\"}"))),
            ("nul-in-field", id => Utf8(Valid(id).Replace("\"P-0001\"", "\"P-\\u00001\""))),
            ("nul-in-name", id => Utf8(Valid(id).Replace("}", ",\"re\\u0000mark\":1}"))),
            ("lone-surrogate", id => Utf8(Valid(id).Replace("}", ",\"remark\":\"\\ud83d\"}"))),
            ("invalid-utf8", id =>
            {
                var bytes = Utf8(Valid(id).Replace("}", ",\"remark\":\"ab\"}"));
                bytes[Array.LastIndexOf(bytes, (byte)'a')] = 0xC3;
                return bytes;
            }),
            ("year-9999", id => Utf8(At(id, "9999-12-31T23:00:00Z"))),
            ("year-0001", id => Utf8(At(id, "0001-01-02T00:00:00+08:00"))),
            ("year-1900", id => Utf8(At(id, "1900-06-01T00:00:00+08:00"))),
            ("next-fund-year", id => Utf8(At(id, "2027-01-05T10:00:00+08:00"))),
            ("ahead-of-clock", id => Utf8(At(id, ahead))),
            ("amount-1e-30", id => Utf8(Valid(id).Replace("\"fundPaid\":100.00", "\"fundPaid\":1e-30"))),
            ("amount-3-places", id => Utf8(Valid(id).Replace("\"fundPaid\":100.00", "\"fundPaid\":100.005"))),
            ("blank-claim-id", id => Utf8(Valid(id).Replace($"\"{id}\"", "\"   \""))),
            ("padded-claim-id", id => Utf8(Valid(id).Replace($"\"{id}\"", $"\" {id}\""))),
            ("oversized-extra", id => Utf8(Valid(id).Replace("}", $",\"remark\":\"{new string('x', 8_000)}\"}}"))),
            ("too-many-extras", id => Utf8(Valid(id).Replace("}", string.Concat(Enumerable.Range(0, 40).Select(i => $",\"x{i}\":{i}")) + "}"))),
            ("overlong-code", id => Utf8(Valid(id).Replace("}", $",\"procedures\":[\"{new string('9', 200)}\"]}}"))),
        ];
    }

    private static async Task<(long Rows, decimal Paid)> LedgerAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), coalesce(sum(fund_paid), 0) FROM claims_ledger", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetDecimal(1));
    }
}
