
namespace Monitoring.CaseMix;

/// <summary>
/// The case mix of one region (keyed by regionId), kept live from its hospitals' summaries: the DRG indicators of every
/// hospital, alliance and county in it, and for each hospital the heavy shares of its same-level peers. Hospitals report
/// on a timer, each on its own, so nothing on the ingest path waits for the region.
/// </summary>
public interface ICaseMixGrain : IGrainWithStringKey
{
    /// <summary>Takes a hospital's summary and answers with its same-level peers' heavy shares per ADRG, itself excluded.</summary>
    Task<PeerShares> ReportAsync(HospitalCaseMixSummary summary);

    /// <summary>The indicators of a hospital, alliance or county of the region, by month; null when nothing is known of it.</summary>
    Task<CaseMixReport?> GetAsync(string level, string id);

    /// <summary>The year-to-date indicators of these hospitals, for a regulator's ranking.</summary>
    Task<HospitalCaseMixRow[]> RankAsync(string[] hospitalIds);

    /// <summary>A hospital's PEPPER-style standings among its same-level peers, month by month; null when it has not reported.</summary>
    Task<PeerStandingReport?> PercentilesAsync(string hospitalId);
}

/// <summary>Same-level peers' split and heavy cases per ADRG, and how many peer hospitals they pool.</summary>
[GenerateSerializer, Immutable]
public sealed record PeerShares(
    [property: Id(0)] Dictionary<string, SeverityCount> ByAdrg,
    [property: Id(1)] int Peers)
{
    public static PeerShares None { get; } = new([], 0);
}

/// <summary>One month of a unit's indicators, with (for a hospital) its same-level peers' CMI and heavy share that month.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseMixMonth(
    [property: Id(0)] int Month,
    [property: Id(1)] CaseMixFigures Figures,
    [property: Id(2)] double? PeerCmi,
    [property: Id(3)] double? PeerHeavyShare);

/// <summary>A unit's indicators for the fund year so far and by month.</summary>
[GenerateSerializer, Immutable]
public sealed record CaseMixReport(
    [property: Id(0)] string Level,
    [property: Id(1)] string Id,
    [property: Id(2)] int FundYear,
    [property: Id(3)] DateOnly? AsOf,
    [property: Id(4)] CaseMixFigures YearToDate,
    [property: Id(5)] CaseMixMonth[] Months,
    [property: Id(6)] int Peers,
    [property: Id(7)] int? HospitalLevel);

/// <summary>A hospital's year-to-date indicators in a ranking.</summary>
[GenerateSerializer, Immutable]
public sealed record HospitalCaseMixRow(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] int Level,
    [property: Id(2)] CaseMixFigures YearToDate,
    [property: Id(3)] DateOnly AsOf);
