using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Access;
using Monitoring.Dashboard.Security;
using Monitoring.Silo.Tests.Push;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Hosting;

/// <summary>
/// The scope matrix (issue 25, acceptance): every read endpoint and the hub, for each role — region regulator, county
/// regulator, inspector, hospital — with its own scope and with another's. The status is asserted, and so is what a
/// body must not hold: a hospital's never an official's name or note, nor the other member's stay of a split pair,
/// nor another hospital; another county's never this county's hospitals.
/// </summary>
public sealed class ScopeMatrixTests(ScopeMatrixTests.World world) : IClassFixture<ScopeMatrixTests.World>
{
    private const string Own = "H53092200001";
    private const string Other = "H53092200002";

    /// <summary>What no hospital token may read anywhere: the official, the notes, the other member, its claim.</summary>
    private static readonly string[] HiddenFromHospital = ["insp-matrix", "matrix-secret", "matrix-member-1", "云县中医医院", Other];

    /// <summary>
    /// One host with what the matrix reads: a split pair across two members (discharged at <see cref="Other"/>, readmitted
    /// at <see cref="Own"/>) whose case an inspector took, noted internally and whose alert it acknowledged with a note,
    /// and a pair of <see cref="Other"/>'s own.
    /// </summary>
    public sealed class World : IAsyncLifetime
    {
        public RunningHost Host { get; private set; } = null!;

        public string CaseId { get; private set; } = "";

        public string AlertId { get; private set; } = "";

        public string OtherCaseId { get; private set; } = "";

        internal Dictionary<string, HubListener> Hubs { get; } = [];

        public string Token(string role, string? scope, string subject) =>
            Host.Services.GetRequiredService<TokenIssuer>().Mint(AccessScope.Parse(role, scope, out var error) ?? throw new ArgumentException(error), subject: subject);

        public async ValueTask InitializeAsync()
        {
            Host = await RunningHost.StartAsync();
            foreach (var (name, (role, scope)) in Callers)
            {
                Hubs[name] = await HubListener.ConnectAsync(Host, Token(role, scope, $"{name}-person"));
            }

            var (atOther, _) = TestSplitPairs.Pair("matrix-member", Other, day: 60);
            var (_, atOwn) = TestSplitPairs.Pair("matrix-member", Own, day: 60);
            await PostAsync(atOther, atOwn);
            var opened = await CaseOfClaimAsync("matrix-member-2");
            (CaseId, AlertId) = (opened.GetProperty("caseId").GetString()!, opened.GetProperty("alertIds")[0].GetString()!);

            using var inspector = Host.Client(Token("inspector", "county:530922", "insp-matrix"));
            foreach (var action in new object[] { new { action = "take" }, new { action = "note", note = "matrix-secret: the ward roster" } })
            {
                using var moved = await inspector.PostAsJsonAsync($"/api/cases/{CaseId}/actions", action);
                Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            }

            using (var acknowledged = await inspector.PostAsJsonAsync($"/api/alerts/{Uri.EscapeDataString(AlertId)}/acknowledge", new { note = "matrix-secret-ack" }))
            {
                Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
            }

            var (otherFirst, otherSecond) = TestSplitPairs.Pair("matrix-other", Other, day: 62);
            await PostAsync(otherFirst, otherSecond);
            OtherCaseId = (await CaseOfClaimAsync("matrix-other-2")).GetProperty("caseId").GetString()!;

            // Pushes go out in order to every group: once the last ones are in, everything before them is too.
            await Hubs["hospital"].WaitForAsync("alert", a => a.GetProperty("alertId").GetString() == AlertId && a.GetProperty("acknowledged").ValueKind == JsonValueKind.Object);
            await Hubs["other-hospital"].WaitForAsync("case", n => n.GetProperty("caseId").GetString() == OtherCaseId);
        }

        private async Task PostAsync(params string[] claims)
        {
            using var ingest = Host.Ingest();
            using var posted = await ingest.PostAsync("/api/claims", TestClaims.Body(TestClaims.JsonArray(claims)));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        private async Task<JsonElement> CaseOfClaimAsync(string claimId)
        {
            using var admin = Host.Admin();
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var cases = await admin.GetFromJsonAsync<JsonElement>("/api/cases?limit=500");
                var found = cases.EnumerateArray().Where(c => c.GetProperty("claimIds").EnumerateArray().Any(id => id.GetString() == claimId)).ToList();
                if (found.Count == 1 || clock.Elapsed > TimeSpan.FromSeconds(20))
                {
                    return Assert.Single(found);
                }

                await Task.Delay(50);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var hub in Hubs.Values)
            {
                await hub.DisposeAsync();
            }

            await Host.DisposeAsync();
        }
    }

    /// <summary>Each role with its own scope (the one the data is in) and with another's.</summary>
    private static readonly Dictionary<string, (string Role, string Scope)> Callers = new()
    {
        ["region-regulator"] = ("regulator", "region:530900"),
        ["other-region-regulator"] = ("regulator", "region:530800"),
        ["county-regulator"] = ("regulator", "county:530922"),
        ["other-county-regulator"] = ("regulator", "county:530921"),
        ["inspector"] = ("inspector", "county:530922"),
        ["other-county-inspector"] = ("inspector", "county:530921"),
        ["hospital"] = ("hospital", $"hospital:{Own}"),
        ["other-hospital"] = ("hospital", $"hospital:{Other}"),
    };

    private static bool InScope(string caller) => !caller.StartsWith("other", StringComparison.Ordinal);

    /// <summary>
    /// Every read endpoint, with what it is about: <c>county</c> (530922 and all in it), <c>own</c> (<see cref="Own"/>),
    /// <c>other</c> (<see cref="Other"/>) or <c>list</c> (answers everyone, filtered to the caller's scope).
    /// </summary>
    public static TheoryData<string, string, string> Reads()
    {
        (string Path, string About)[] reads =
        [
            ("/api/registry", "list"),
            ("/api/overview", "list"),
            ("/api/alerts", "list"),
            ("/api/alerts?format=csv", "list"),
            ("/api/cases", "list"),
            ("/api/cases/summary", "list"),
            ("/api/cases/{case}", "own-case"),
            ("/api/cases/{other-case}", "other-case"),
            ("/api/casemix/ranking", "list"),
            ("/api/funds/county/530922", "county"),
            ("/api/funds/alliance/YX-TIGHT", "county"),
            ("/api/funds/hospital/" + Own, "own"),
            ("/api/funds/hospital/" + Other, "other"),
            ("/api/readmission/hospital/" + Own, "own"),
            ("/api/readmission/hospital/" + Other, "other"),
            ("/api/low-threshold/hospital/" + Own, "own"),
            ("/api/low-threshold/hospital/" + Other, "other"),
            ("/api/casemix/hospital/" + Own, "own"),
            ("/api/casemix/hospital/" + Own + "/percentiles", "own"),
            ("/api/casemix/hospital/" + Other + "/percentiles", "other"),
            ("/api/casemix/county/530922", "county"),
            ("/api/drilldown/hospital/" + Own + "?by=drg&month=2026-03", "own"),
            ("/api/drilldown/hospital/" + Other + "?by=drg&month=2026-03", "other"),
            ("/api/drilldown/hospital/" + Own + "/claims?by=drg&key=ES23&month=2026-03", "own"),
            ("/api/drilldown/county/530922?by=drg&month=2026-03", "county"),
            ("/api/reports/monthly/alliance/YX-TIGHT?month=2026-03", "county"),
            ("/api/reports/monthly/county/530922?month=2026-03", "county"),
        ];
        var data = new TheoryData<string, string, string>();
        foreach (var caller in Callers.Keys)
        {
            foreach (var (path, about) in reads)
            {
                data.Add(caller, path, about);
            }
        }

        return data;
    }

    /// <summary>Whether the caller may read what the endpoint is about (a list answers everyone, filtered).</summary>
    private static bool MayRead(string caller, string about) => about switch
    {
        "list" => true,
        "county" => InScope(caller) && caller != "hospital",
        "own" or "own-case" => InScope(caller),
        "other" or "other-case" => InScope(caller) && caller != "hospital" || caller == "other-hospital",
        _ => throw new ArgumentOutOfRangeException(nameof(about)),
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Every_read_answers_each_role_by_its_scope_and_leaves_out_what_it_may_not_see(string caller, string path, string about)
    {
        var (role, scope) = Callers[caller];
        using var client = world.Host.Client(world.Token(role, scope, $"{caller}-person"));
        using var response = await client.GetAsync(path.Replace("{case}", world.CaseId).Replace("{other-case}", world.OtherCaseId));
        var body = await response.Content.ReadAsStringAsync();

        if (!MayRead(caller, about))
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{caller} {path}: {response.StatusCode} {body}");
            return;
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{caller} {path}: {response.StatusCode} {body}");
        AssertHoldsNothingHidden(caller, body, $"{caller} {path}");
    }

    [Theory]
    [MemberData(nameof(Callers2))]
    public void The_hub_pushes_each_role_only_what_its_scope_may_see(string caller)
    {
        var hub = world.Hubs[caller];
        var received = hub.Received("alert").Concat(hub.Received("case")).Concat(hub.Received("fund")).Select(d => d.GetRawText()).ToList();
        if (InScope(caller) || caller == "other-hospital")
        {
            Assert.NotEmpty(received);
        }

        foreach (var document in received)
        {
            AssertHoldsNothingHidden(caller, document, $"{caller} hub");
        }

        if (caller == "hospital")
        {
            Assert.DoesNotContain(hub.Received("case"), n => n.GetProperty("event").GetString() is "take" or "note");
        }
    }

    public static TheoryData<string> Callers2() => [.. Callers.Keys];

    private void AssertHoldsNothingHidden(string caller, string body, string what)
    {
        switch (caller)
        {
            case "hospital":
                // Every field, the alert id and the case's item ids among them.
                foreach (var hidden in HiddenFromHospital)
                {
                    Assert.False(body.Contains(hidden, StringComparison.Ordinal), $"{what} holds {hidden}");
                }

                break;
            case "other-hospital":
                Assert.False(body.Contains(Own, StringComparison.Ordinal), $"{what} holds {Own}");
                Assert.False(body.Contains("matrix-secret", StringComparison.Ordinal), $"{what} holds an internal note");
                break;
            case var other when !InScope(other):
                foreach (var hidden in new[] { Own, Other, "matrix-member", "matrix-other" })
                {
                    Assert.False(body.Contains(hidden, StringComparison.Ordinal), $"{what} holds {hidden}");
                }

                break;
        }
    }
}
