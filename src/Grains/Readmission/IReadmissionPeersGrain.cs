namespace Monitoring.Readmission;

/// <summary>
/// The 再入院率 (15-day readmission rate) of every hospital of one region, keyed by regionId: places report their
/// hospitals' counts, and a hospital far above the median of its same-level peers is alerted once, with hysteresis.
/// </summary>
public interface IReadmissionPeersGrain : IGrainWithStringKey
{
    Task ReportAsync(HospitalReadmissionReport[] reports, DateOnly asOf);

    /// <summary>A hospital's rate beside its peers' median, or null before it has reported.</summary>
    Task<HospitalReadmissionStanding?> GetAsync(string hospitalId);

    /// <summary>Each hospital's discharges and suspect pairs per month of <paramref name="fundYear"/>, as its days closed.</summary>
    Task<HospitalReadmissionMonth[]> MonthsAsync(int fundYear);
}

/// <summary>One hospital's discharges settled and suspect pairs known in one month (1–12).</summary>
[GenerateSerializer, Immutable]
public sealed record HospitalReadmissionMonth(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] int Month,
    [property: Id(2)] int Discharges,
    [property: Id(3)] int Pairs);

/// <summary>A hospital's readmission rate where it stands among its peers.</summary>
[GenerateSerializer, Immutable]
public sealed record HospitalReadmissionStanding(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] DateOnly AsOf,
    [property: Id(2)] int Discharges,
    [property: Id(3)] int Pairs,
    [property: Id(4)] double Rate,
    [property: Id(5)] double? PeerMedian,
    [property: Id(6)] int Peers,
    [property: Id(7)] double? Threshold,
    [property: Id(8)] bool Alerted,
    [property: Id(9)] int WindowDays);
