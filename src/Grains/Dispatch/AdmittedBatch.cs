using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Dispatch;

/// <summary>
/// Rows the ledger has just made durable, with the registry they were admitted under and the batch's latest
/// settlement time (<see cref="Watermark"/>): the settlement days before it have ended as far as this batch can tell.
/// </summary>
public sealed record AdmittedBatch(IReadOnlyList<LedgerEntry> Entries, FundRegistry Registry, DateTimeOffset Watermark)
{
    /// <summary>Each hospital's rows in sequence order, with where the registry places it (null: a hospital it no longer lists).</summary>
    public IEnumerable<(string HospitalId, HospitalPlacement? Placement, IReadOnlyList<LedgerEntry> Rows)> ByHospital() =>
        Entries.GroupBy(e => e.Movement.HospitalId, StringComparer.Ordinal)
            .Select(g => (g.Key, Registry.PlacementOf(g.Key), (IReadOnlyList<LedgerEntry>)[.. g.OrderBy(e => e.Movement.HospitalSeq)]));
}
