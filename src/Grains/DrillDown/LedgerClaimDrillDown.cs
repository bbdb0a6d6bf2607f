using Monitoring.Ledger;

namespace Monitoring.DrillDown;

/// <summary>
/// The drill-down of the embedded mode: reads the hospitals' rows from the in-memory ledger and groups them in process
/// (<see cref="StandingSettlements"/>). A full scan per question, which one demo year in memory affords; the PostgreSQL
/// mode groups in the database instead.
/// </summary>
public sealed class LedgerClaimDrillDown(IClaimsLedger ledger) : IClaimDrillDown
{
    public async Task<IReadOnlyList<DrillDownCell>> CellsAsync(IReadOnlyCollection<string> hospitals, int fundYear,
        DrillDownDimension dimension, CancellationToken cancellationToken = default) =>
        StandingSettlements.Cells(await StandingAsync(hospitals, fundYear, cancellationToken), dimension);

    public async Task<TopClaimsPage> TopClaimsAsync(TopClaimsQuery query, CancellationToken cancellationToken = default) =>
        StandingSettlements.Top(await StandingAsync(query.Hospitals, query.FundYear, cancellationToken), query);

    private async Task<IReadOnlyList<LedgerEntry>> StandingAsync(IReadOnlyCollection<string> hospitals, int fundYear, CancellationToken cancellationToken)
    {
        var rows = new List<LedgerEntry>();
        await foreach (var entry in ledger.ReadEntriesAsync([.. hospitals.Select(h => new HospitalCursor(h, 0))], cancellationToken))
        {
            rows.Add(entry);
        }

        return StandingSettlements.Of(rows, fundYear);
    }
}
