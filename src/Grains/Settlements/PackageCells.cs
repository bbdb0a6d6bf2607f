using Monitoring.Claims;
using Monitoring.Ledger;

namespace Monitoring.Settlements;

/// <summary>Folds ledger rows into <see cref="PackageCell"/>s: the rule the PostgreSQL query mirrors in SQL.</summary>
public static class PackageCells
{
    public static IReadOnlyList<PackageCell> Of(IEnumerable<LedgerEntry> rows, int fundYear)
    {
        var all = rows.Where(e => e.Movement.BudgetDate.Year == fundYear).ToList();
        var reversed = all.Where(e => e.Claim.Kind == ClaimKind.Reversal && e.Claim.ReversesClaimId is not null)
            .Select(e => e.Claim.ReversesClaimId!).ToHashSet(StringComparer.Ordinal);
        return [.. all
            .Where(e => e.Claim.Kind == ClaimKind.Recovery || (e.Claim.Kind == ClaimKind.Settlement && !reversed.Contains(e.Claim.ClaimId)))
            .GroupBy(e => (e.Movement.HospitalId, e.Movement.InsuredCountyId, e.Movement.BudgetDate.Month))
            .Select(g =>
            {
                var settled = g.Where(e => e.Claim.Kind == ClaimKind.Settlement).ToList();
                return new PackageCell(g.Key.HospitalId, g.Key.InsuredCountyId, g.Key.Month, settled.Count,
                    g.Sum(e => e.Movement.FundPaid), settled.Count(e => e.Claim.DrgCode is not null),
                    settled.Where(e => e.Claim.PaymentMethod == "drg").Sum(e => e.Movement.FundPaid));
            })
            .OrderBy(c => c.HospitalId, StringComparer.Ordinal).ThenBy(c => c.InsuredCountyId, StringComparer.Ordinal).ThenBy(c => c.Month)];
    }
}
