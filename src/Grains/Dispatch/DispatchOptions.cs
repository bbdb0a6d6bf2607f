namespace Monitoring.Dispatch;

/// <summary>
/// How the dispatch hands an admitted batch on (<c>Monitoring:Dispatch</c>). By default every consumer is awaited
/// before the reply; with <see cref="QueueDetectors"/> only the consumers that must act in the same dispatch (the
/// fund accounts: a crossing claim raises budget-exhausted at once) hold the reply, and the others take batches from
/// a bounded queue of their own. The ledger is durable before either, so a queued batch lost in a crash is read back
/// from it by the consumer's catch-up; a full queue makes the next request wait, so the queue stays bounded.
/// </summary>
public sealed class DispatchOptions
{
    public const string Section = "Monitoring:Dispatch";

    public bool QueueDetectors { get; set; }

    /// <summary>Batches a queued consumer may fall behind before requests wait for it.</summary>
    public int QueueBatches { get; set; } = 4;
}
