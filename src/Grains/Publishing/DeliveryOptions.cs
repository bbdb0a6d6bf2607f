namespace Monitoring.Publishing;

/// <summary>
/// How findings are kept until they are delivered (<c>Monitoring:Delivery</c>): a store that refuses a write is tried
/// again, waiting a little longer each time up to <see cref="LongestRetryDelay"/>, never given up on; stored alerts not
/// yet pushed (or still waiting for their case) are swept every <see cref="SweepInterval"/> on every silo.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Monitoring:Delivery";

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>A database restart takes seconds; more than this between attempts only delays the alert.</summary>
    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Catches what a silo stored but did not push before it died, and a case opening that failed.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Undelivered alerts read and pushed per round.</summary>
    public int BatchSize { get; set; } = 200;

    public bool IsValid =>
        FirstRetryDelay > TimeSpan.Zero && LongestRetryDelay >= FirstRetryDelay && SweepInterval > TimeSpan.Zero && BatchSize is > 0 and <= 10_000;
}
