using Monitoring.Claims;
using Monitoring.Ledger;

namespace Monitoring.DrillDown;

/// <summary>
/// A hospital's ledger rows read as the books stand: settlements of the fund year that no reversal cancelled. A
/// reversal takes the whole claim out of the drill-down (its corrected settlement, if any, follows as a new claim).
/// </summary>
public static class StandingSettlements
{
    public static IReadOnlyList<LedgerEntry> Of(IEnumerable<LedgerEntry> rows, int fundYear)
    {
        var all = rows.ToList();
        var reversed = all.Where(e => e.Claim.Kind == ClaimKind.Reversal && e.Claim.ReversesClaimId is not null)
            .Select(e => e.Claim.ReversesClaimId!).ToHashSet(StringComparer.Ordinal);
        return [.. all.Where(e => e.Claim.Kind == ClaimKind.Settlement && e.Movement.BudgetDate.Year == fundYear
            && !reversed.Contains(e.Claim.ClaimId))];
    }

    /// <summary>The group a settlement falls in; the empty key when the claim does not say (an ungrouped claim, 未入组).</summary>
    public static string KeyOf(LedgerEntry entry, DrillDownDimension dimension) => dimension switch
    {
        DrillDownDimension.Drg => entry.Claim.DrgCode ?? "",
        DrillDownDimension.Department => entry.Claim.Department ?? "",
        DrillDownDimension.Doctor => entry.Claim.DoctorId ?? "",
        DrillDownDimension.Month => DrillDownAggregation.MonthKey(entry.Movement.BudgetDate.Year, entry.Movement.BudgetDate.Month),
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public static IReadOnlyList<DrillDownCell> Cells(IEnumerable<LedgerEntry> standing, DrillDownDimension dimension) =>
        [.. standing
            .GroupBy(e => (e.Movement.HospitalId, Key: KeyOf(e, dimension), e.Movement.BudgetDate.Month))
            .Select(g => new DrillDownCell(g.Key.HospitalId, g.Key.Key, g.Key.Month, g.LongCount(),
                g.Sum(e => e.Claim.TotalCost ?? 0m), g.Sum(e => e.Movement.FundPaid)))];

    public static TopClaimsPage Top(IEnumerable<LedgerEntry> standing, TopClaimsQuery query)
    {
        var matching = standing
            .Where(e => KeyOf(e, query.Dimension) == query.Key && (query.Month is null || e.Movement.BudgetDate.Month == query.Month))
            .OrderByDescending(e => e.Movement.FundPaid).ThenBy(e => e.Claim.ClaimId, StringComparer.Ordinal)
            .Skip(query.Offset).Take(query.Limit + 1)
            .ToList();
        var page = matching.Take(query.Limit).Select(ToTopClaim).ToList();
        return new TopClaimsPage(page, matching.Count > query.Limit ? query.Offset + query.Limit : null);
    }

    private static TopClaim ToTopClaim(LedgerEntry e) => new(
        e.Claim.ClaimId, e.Movement.HospitalId, e.PatientId ?? e.Claim.PatientId, e.Claim.AdmissionDate, e.Claim.DischargeDate,
        e.Claim.PrincipalDiagnosis, e.Claim.DrgCode, e.Claim.Department, e.Claim.DoctorId, e.Claim.TotalCost, e.Movement.FundPaid,
        e.Movement.BudgetDate);
}
