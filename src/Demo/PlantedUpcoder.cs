namespace Monitoring.Demo;

/// <summary>
/// A hospital the demo year makes code upward (高套编码) from <see cref="Onset"/> on: that share of its severity-5 cases
/// of split groups is settled as severity 1 or 3 with the stay and cost of the severity-5 case it really was.
/// </summary>
/// <param name="Onset">the first settlement day with moved cases</param>
/// <param name="MovedShare">the share of its severity-5 cases moved up</param>
/// <param name="MovedCases">how many cases were moved</param>
public sealed record PlantedUpcoder(string HospitalId, int Level, DateOnly Onset, double MovedShare, int MovedCases);

/// <summary>
/// What the year plants for the upcoding watch: the upcoders; the legitimately heavy referral centre (heavier than its
/// peers all year, its heavy cases staying and costing like heavy cases); and how many cases were settled without a DRG.
/// </summary>
public sealed record PlantedUpcoding(IReadOnlyList<PlantedUpcoder> Upcoders, string? ReferralCentreId, int UngroupedCases)
{
    public static PlantedUpcoding None { get; } = new([], null, 0);
}
