namespace Monitoring.Silo.Ingest;

/// <summary>Limits of <c>POST /api/claims</c> (<c>Monitoring:Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Monitoring:Ingest";

    /// <summary>The contract's ceiling: at most 10,000 events a batch.</summary>
    public int MaxEventsPerBatch { get; set; } = 10_000;

    /// <summary>10,000 full settlements are about 8 MB; the rest is headroom for long diagnosis lists.</summary>
    public long MaxBodyBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// How far ahead of this host's clock a settlement may be dated (the agency's clock and ours differ by minutes,
    /// not days). A replay of a simulated future year into a live host needs this raised for the replay.
    /// </summary>
    public TimeSpan MaxAheadOfClock { get; set; } = TimeSpan.FromDays(1);
}
