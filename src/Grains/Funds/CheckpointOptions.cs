namespace Monitoring.Funds;

/// <summary>
/// When fund accounts write their checkpoints (<c>Monitoring:Checkpoint</c>). Writing per claim would put a
/// storage round trip on the ingest path; the ledger makes rarer checkpoints safe, since what a crash loses
/// since the last one is replayed from it.
/// </summary>
public sealed class CheckpointOptions
{
    public const string Section = "Monitoring:Checkpoint";

    /// <summary>Write after this many ledger rows have been counted since the last checkpoint.</summary>
    public int MaxRowsBetween { get; set; } = 5_000;

    /// <summary>Write at most this long after the first row counted since the last checkpoint.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Write a last checkpoint when the silo shuts down. It only shortens the replay of the next start, so the host
    /// turns it off where storage does not outlive the process (the embedded mode).
    /// </summary>
    public bool WriteOnShutdown { get; set; } = true;

    /// <summary>
    /// How often an active account checks the ledger for rows of its hospitals that never reached it (a failed
    /// dispatch or roll-up). One index probe per member hospital; the usual answer is "none".
    /// </summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromSeconds(30);
}
