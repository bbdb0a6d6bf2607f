namespace Monitoring.Readmission;

/// <summary>
/// Thresholds of the split-hospitalization rule and the readmission-rate alarm (<c>Monitoring:Rules:Readmission</c>),
/// with per-county overrides under <c>Counties:&lt;countyId&gt;</c>: a county whose policy document sets another
/// window (some provinces use 30 days) is given its own.
/// </summary>
public sealed class ReadmissionOptions
{
    public const string Section = "Monitoring:Rules:Readmission";

    /// <summary>Off only to measure what the detector costs; a regulator has no reason to turn it off.</summary>
    public bool Enabled { get; set; } = true;

    public ReadmissionThresholds Defaults { get; set; } = new();

    public Dictionary<string, ReadmissionThresholds> Counties { get; set; } = [];

    public ReadmissionThresholds For(string countyId) => Counties.TryGetValue(countyId, out var own) ? own : Defaults;

    public bool IsValid => Defaults.IsValid && Counties.Values.All(t => t.IsValid);
}
