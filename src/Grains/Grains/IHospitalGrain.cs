using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Grains;

/// <summary>A designated hospital (定点医疗机构), keyed by hospitalId.</summary>
public interface IHospitalGrain : IFundAccountGrain
{
    /// <summary>
    /// Counts the hospital's new ledger rows (in sequence order), rolls them up to its alliance and county, and judges
    /// its pace up to <paramref name="watermark"/>, the latest settlement time of the batch.
    /// </summary>
    Task RecordAsync(LedgerEntry[] entries, HospitalPlacement placement, DateTimeOffset watermark);
}
