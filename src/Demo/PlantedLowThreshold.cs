namespace Monitoring.Demo;

/// <summary>
/// A hospital the demo year makes admit below the threshold for inpatient care (降低住院指征收治住院): from
/// <paramref name="Onset"/> (settlement time) about <paramref name="AddedShare"/> of its cases are short, cheap stays for
/// mild conditions on top of its background.
/// </summary>
/// <param name="BackgroundShare">the share of its cases made short and cheap all year, as at every hospital</param>
public sealed record PlantedLowThreshold(
    string HospitalId,
    string Name,
    int Level,
    DateOnly Onset,
    double BackgroundShare,
    double AddedShare);

/// <summary>
/// What the demo year plants for the low-threshold detector: every hospital's background share of short, cheap stays,
/// and the hospitals that from an onset admit many more of them. The truth a measurement scores against.
/// </summary>
public sealed record LowThresholdPlan(
    IReadOnlyDictionary<string, double> BackgroundShares,
    IReadOnlyList<PlantedLowThreshold> Planted)
{
    public static LowThresholdPlan None { get; } = new(new Dictionary<string, double>(), []);
}
