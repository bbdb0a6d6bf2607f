namespace Monitoring.Settlements;

/// <summary>
/// Reads the ledger for the package's statements and the assessment: the fund year's standing books grouped by
/// hospital, payer and month. Like the drill-down, two engines answer it: SQL grouped in PostgreSQL, and a scan of the
/// in-memory ledger in the embedded mode. Statements are a function of the ledger, so a replay or a restart changes
/// nothing in them.
/// </summary>
public interface IPackageLedger
{
    /// <summary>The cells of these hospitals' standing books in the fund year (budget dates).</summary>
    Task<IReadOnlyList<PackageCell>> CellsAsync(IReadOnlyCollection<string> hospitals, int fundYear, CancellationToken cancellationToken = default);
}
