namespace Monitoring.DrillDown;

/// <summary>
/// Reads the ledger for a drill-down. Two engines answer it: in PostgreSQL, SQL over <c>claims_ledger</c> grouped in the
/// database on an index of (hospital, budget date) — the ledger there is the source of truth and may hold millions of
/// rows, so only sums and one page of claims cross the wire; in the embedded mode, a scan of the in-memory ledger, which
/// holds one demo year and no more. Grain read models are not used: fund grains keep only running sums, and keeping a
/// group × month table in every hospital grain would cost memory on the hot path for a question asked now and then.
/// </summary>
public interface IClaimDrillDown
{
    /// <summary>The cells of these hospitals' standing settlements in the fund year (budget dates), by dimension.</summary>
    Task<IReadOnlyList<DrillDownCell>> CellsAsync(IReadOnlyCollection<string> hospitals, int fundYear, DrillDownDimension dimension,
        CancellationToken cancellationToken = default);

    /// <summary>One page of the standing settlements behind a figure, largest fund paid first, then by claim id.</summary>
    Task<TopClaimsPage> TopClaimsAsync(TopClaimsQuery query, CancellationToken cancellationToken = default);
}
