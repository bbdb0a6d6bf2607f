using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Monitoring.Access;
using Monitoring.Alerts;
using Monitoring.Dashboard.Security;
using Monitoring.Funds;
using Monitoring.Funds.Snapshots;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Overview;

/// <summary>
/// <c>GET /api/overview</c>: the regulator's first screen — every fund of the caller's scope, ranked by risk, with
/// each county's standing alerts counted. The server decides the scope: a county regulator gets that county, a region
/// regulator the region, a hospital its own hospital alone (its county and alliance named, without figures).
/// </summary>
public static class OverviewApi
{
    /// <summary>
    /// How many standing alerts of one status are read to count them; past it the counts are a floor. (A grouped count
    /// in the alert store would lift the limit; the store has no such query yet.)
    /// </summary>
    internal const int MaxCounted = 50_000;

    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/overview", GetAsync).RequireAuthorization(MonitoringPolicies.Reader);
        return app;
    }

    private static async Task<Ok<OverviewDocument>> GetAsync(HttpContext http, RegistryCatalog catalog, IAlertStore store, IGrainFactory grains)
    {
        var registry = await catalog.CurrentAsync();
        var scope = CallerScope.Of(http.User)!;
        var visible = new List<(string Level, string Id)>();
        visible.AddRange(registry.Counties.Keys.Where(id => scope.CanSeeCounty(id, registry)).Select(id => (FundLevel.County, id)));
        visible.AddRange(registry.Alliances.Keys.Where(id => scope.CanSeeAlliance(id, registry)).Select(id => (FundLevel.Alliance, id)));
        visible.AddRange(registry.Hospitals.Keys.Where(id => scope.CanSeeHospital(id, registry)).Select(id => (FundLevel.Hospital, id)));
        var statuses = await Task.WhenAll(visible.Select(v => grains.GetFundAccount(v.Level, v.Id).GetStatusAsync()));
        var funds = visible.Zip(statuses).ToDictionary(
            p => p.First,
            p => OverviewFund.Of(p.Second, registry.Counties[p.Second.CountyId].County.MonthlyProfile));

        var tallies = await TallyAsync(store, scope, registry, http.RequestAborted);
        var regions = new List<OverviewRegion>();
        foreach (var region in registry.Document.Regions)
        {
            var counties = new List<OverviewCounty>();
            foreach (var county in region.Counties)
            {
                var alliances = county.Alliances
                    .Select(a => new OverviewAlliance(a.AllianceId, a.Name, Find(funds, FundLevel.Alliance, a.AllianceId),
                        Ranked(county.Hospitals.Where(h => h.AllianceId == a.AllianceId).Select(h => Find(funds, FundLevel.Hospital, h.HospitalId)))))
                    .Where(a => a.Fund is not null || a.Hospitals.Count > 0)
                    .OrderBy(a => a.Fund, RiskOrder.Comparer)
                    .ToList();
                var outside = Ranked(county.Hospitals.Where(h => h.AllianceId is null || !registry.Alliances.ContainsKey(h.AllianceId))
                    .Select(h => Find(funds, FundLevel.Hospital, h.HospitalId)));
                var fund = Find(funds, FundLevel.County, county.CountyId);
                if (fund is not null || alliances.Count > 0 || outside.Count > 0)
                {
                    counties.Add(new OverviewCounty(county.CountyId, county.Name, fund, tallies.GetValueOrDefault(county.CountyId, []), alliances, outside));
                }
            }

            if (counties.Count > 0)
            {
                regions.Add(new OverviewRegion(region.RegionId, region.Name, [.. counties.OrderBy(c => c.Fund, RiskOrder.Comparer)]));
            }
        }

        var asOf = funds.Values.Select(f => f.AsOf).Where(a => a is not null).DefaultIfEmpty(null).Max();
        return TypedResults.Ok(new OverviewDocument(registry.FundYear, asOf, funds.Values.Count(f => f.Problem), regions));
    }

    private static OverviewFund? Find(Dictionary<(string, string), OverviewFund> funds, string level, string id) =>
        funds.GetValueOrDefault((level, id));

    private static List<OverviewFund> Ranked(IEnumerable<OverviewFund?> funds) =>
        [.. funds.OfType<OverviewFund>().Order(RiskOrder.Comparer)];

    /// <summary>Standing (open or acknowledged) alerts in the caller's scope, by county, kind and severity.</summary>
    private static async Task<Dictionary<string, IReadOnlyList<AlertTally>>> TallyAsync(
        IAlertStore store, AccessScope scope, FundRegistry registry, CancellationToken cancellationToken)
    {
        HashSet<string>? counties = scope.Kind switch
        {
            ScopeKind.All => null,
            ScopeKind.Hospital => registry.Hospitals.TryGetValue(scope.Id!, out var h) ? [h.Placement.CountyId] : [],
            _ => [.. registry.Counties.Keys.Where(c => scope.CanSeeCounty(c, registry))],
        };
        var onlyHospital = scope.Kind == ScopeKind.Hospital ? scope.Id : null;
        async Task<IReadOnlyList<Alert>> Read(string status) => await store.QueryAsync(
            new AlertQuery(counties, onlyHospital, null, null, null, null, null, null, MaxCounted, status), cancellationToken);

        var open = await Read(AlertStatus.Open);
        var acknowledged = await Read(AlertStatus.Acknowledged);
        return open.Select(a => (Alert: a, Open: true)).Concat(acknowledged.Select(a => (Alert: a, Open: false)))
            .GroupBy(x => x.Alert.CountyId)
            .ToDictionary(
                county => county.Key,
                county => (IReadOnlyList<AlertTally>)[.. county
                    .GroupBy(x => (x.Alert.Kind, x.Alert.Severity))
                    .Select(g => new AlertTally(g.Key.Kind, g.Key.Severity.ToString().ToLowerInvariant(), g.Count(x => x.Open), g.Count(x => !x.Open)))
                    .OrderByDescending(t => t.Severity switch { "critical" => 3, "warning" => 2, _ => 1 })
                    .ThenBy(t => t.Kind, StringComparer.Ordinal)]);
    }
}
