using Monitoring.Ledger;

namespace Monitoring.Settlements;

/// <summary>The embedded mode's package books: a scan of the in-memory ledger, which holds one demo year and no more.</summary>
public sealed class LedgerPackageLedger(IClaimsLedger ledger) : IPackageLedger
{
    public async Task<IReadOnlyList<PackageCell>> CellsAsync(IReadOnlyCollection<string> hospitals, int fundYear, CancellationToken cancellationToken = default)
    {
        var rows = new List<LedgerEntry>();
        await foreach (var entry in ledger.ReadEntriesAsync([.. hospitals.Select(h => new HospitalCursor(h, 0))], cancellationToken))
        {
            rows.Add(entry);
        }

        return PackageCells.Of(rows, fundYear);
    }
}
