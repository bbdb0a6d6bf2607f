using Monitoring.Ledger;

namespace Monitoring.Watch;

/// <summary>What the dispatch asks of every detector's watch: take a place's new ledger rows.</summary>
public interface IWatchGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes the place's new ledger rows (settlements and reversals, each hospital's in sequence order) and the batch's
    /// latest settlement time: the periods before it have ended as far as this batch can tell. Rows missing before
    /// them (a lost dispatch) are read from the ledger first; rows already taken are skipped.
    /// </summary>
    Task RecordAsync(LedgerEntry[] rows, DateTimeOffset watermark);
}
