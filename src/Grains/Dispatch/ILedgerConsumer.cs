namespace Monitoring.Dispatch;

/// <summary>
/// Something that acts on every admitted batch: the fund accounts, a detector, the alert withdrawal. Registered once
/// in the silo's services; the dispatch hands each consumer every batch, all consumers at once.
/// </summary>
public interface ILedgerConsumer
{
    /// <summary>Short name for logs.</summary>
    string Name { get; }

    /// <summary>
    /// Takes the rows of one batch. The ledger already holds them, so a consumer that fails delays its own view, never
    /// another's, and catches up from the ledger (on its next batch, timer or activation).
    /// </summary>
    Task ConsumeAsync(AdmittedBatch batch);

    /// <summary>
    /// Whether the consumer must have acted before the ingest reply even when the dispatch queues the others
    /// (<see cref="DispatchOptions.QueueDetectors"/>): the fund accounts, whose crossing claim raises its alert at once.
    /// </summary>
    bool ActsBeforeReply => false;
}
