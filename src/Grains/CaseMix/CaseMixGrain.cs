using Monitoring.Readmission;
using Monitoring.Registry;

namespace Monitoring.CaseMix;

/// <summary>
/// Holds the latest summary of every hospital of a region and answers indicator and peer questions from them. Kept in
/// memory only: the summaries are functions of the ledger that the hospitals' watches rebuild, so on activation it wakes
/// the region's watches, which report again.
/// </summary>
public sealed class CaseMixGrain(RegistryCatalog registry, ICaseMixSource sources) : Grain, ICaseMixGrain
{
    private readonly Dictionary<string, HospitalCaseMixSummary> _hospitals = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var current = await registry.CurrentAsync();
        var region = this.GetPrimaryKeyString();
        await sources.ReportAgainAsync(current.Hospitals.Values.Where(h => h.Placement.RegionId == region).Select(h => h.Hospital.HospitalId));
    }

    public Task<PeerShares> ReportAsync(HospitalCaseMixSummary summary)
    {
        _hospitals[summary.HospitalId] = summary;
        var peers = PeersOf(summary.HospitalId, summary.Level).ToList();
        return Task.FromResult(new PeerShares(CaseMixIndicators.PeerShares(peers), peers.Count));
    }

    public async Task<CaseMixReport?> GetAsync(string level, string id)
    {
        var current = await registry.CurrentAsync();
        var members = level switch
        {
            FundLevel.Hospital => [id],
            FundLevel.Alliance => current.HospitalsOfAlliance(id).ToArray(),
            FundLevel.County => current.HospitalsOfCounty(id).ToArray(),
            _ => [],
        };
        var ofYear = OfYear(current.FundYear).ToDictionary(h => h.HospitalId, StringComparer.Ordinal);
        var reported = members.Where(ofYear.ContainsKey).Select(h => ofYear[h]).ToList();
        var unit = reported.SelectMany(h => h.Months).ToList();
        var region = ofYear.Values.SelectMany(h => h.Months).ToList();
        int? hospitalLevel = level == FundLevel.Hospital && current.Hospitals.TryGetValue(id, out var entry) ? entry.Hospital.Level : null;
        var peers = hospitalLevel is { } l ? PeersOf(id, l).Where(p => p.FundYear == current.FundYear).ToList() : [];
        var peerRows = peers.SelectMany(p => p.Months).ToList();
        var months = CaseMixIndicators.ByMonth(unit, region)
            .Select(m =>
            {
                var peer = peers.Count == 0 ? null : CaseMixIndicators.Of(peerRows.Where(r => r.Month == m.Month), []);
                return new CaseMixMonth(m.Month, m.Figures, peer?.Cmi, peer?.HeavyShare);
            })
            .ToArray();
        return new CaseMixReport(level, id, current.FundYear, reported.Count == 0 ? null : reported.Max(h => h.AsOf),
            CaseMixIndicators.Of(unit, region), months, peers.Count, hospitalLevel);
    }

    public async Task<HospitalCaseMixRow[]> RankAsync(string[] hospitalIds)
    {
        var ofYear = OfYear((await registry.CurrentAsync()).FundYear).ToDictionary(h => h.HospitalId, StringComparer.Ordinal);
        var region = ofYear.Values.SelectMany(h => h.Months).ToList();
        return [.. hospitalIds
            .Where(ofYear.ContainsKey)
            .Select(h => ofYear[h])
            .Select(h => new HospitalCaseMixRow(h.HospitalId, h.Level, CaseMixIndicators.Of(h.Months, region), h.AsOf))];
    }

    public async Task<PeerStandingReport?> PercentilesAsync(string hospitalId)
    {
        var current = await registry.CurrentAsync();
        if (!current.Hospitals.TryGetValue(hospitalId, out var entry))
        {
            return null;
        }

        // Peers are the same-level hospitals of the region that reported this fund year; one not yet reported has no months.
        var level = entry.Hospital.Level;
        var peers = OfYear(current.FundYear).Where(h => h.Level == level).ToList();
        var ids = peers.Select(p => p.HospitalId).ToHashSet(StringComparer.Ordinal);
        var readmissions = await GrainFactory.GetGrain<IReadmissionPeersGrain>(this.GetPrimaryKeyString()).MonthsAsync(current.FundYear);
        var asOf = peers.FirstOrDefault(p => p.HospitalId == hospitalId)?.AsOf;
        return new PeerStandingReport(hospitalId, level, current.FundYear, asOf, peers.Count(p => p.HospitalId != hospitalId),
            PeerPercentiles.Report(hospitalId, [.. peers.SelectMany(CaseMixAreas.Of), .. readmissions.Where(r => ids.Contains(r.HospitalId)).Select(CaseMixAreas.Of)]));
    }

    /// <summary>The summaries of the fund year in force: a watch that has not rolled over yet reports last year's figures.</summary>
    private IEnumerable<HospitalCaseMixSummary> OfYear(int fundYear) => _hospitals.Values.Where(h => h.FundYear == fundYear);

    private IEnumerable<HospitalCaseMixSummary> PeersOf(string hospitalId, int level) =>
        _hospitals.Values.Where(h => h.Level == level && h.HospitalId != hospitalId);
}
