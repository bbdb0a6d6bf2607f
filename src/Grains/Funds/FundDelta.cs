using Monitoring.Claims;
using Monitoring.Ledger;

namespace Monitoring.Funds;

/// <summary>
/// A hospital's contiguous run of ledger rows (sequence <see cref="FromSeq"/>..<see cref="ToSeq"/>), folded to
/// monthly totals. This is what rolls up from a hospital to its alliance and county: small whatever the run's
/// length, and exact to apply once because the receiver knows which sequence it expects next.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FundDelta(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] long FromSeq,
    [property: Id(2)] long ToSeq,
    [property: Id(3)] MonthTotal[] Months,
    [property: Id(4)] DateTimeOffset LastSettledAt)
{
    /// <summary>Folds one hospital's movements, which must be in sequence order without gaps.</summary>
    public static FundDelta Fold(string hospitalId, IReadOnlyList<FundMovement> movements)
    {
        if (movements.Count == 0)
        {
            throw new ArgumentException("a delta needs at least one movement", nameof(movements));
        }

        var months = new Dictionary<int, MonthTotal>();
        var last = DateTimeOffset.MinValue;
        for (var i = 0; i < movements.Count; i++)
        {
            var m = movements[i];
            if (m.HospitalId != hospitalId || m.HospitalSeq != movements[0].HospitalSeq + i)
            {
                throw new ArgumentException($"movements of {hospitalId} must be contiguous; found {m.HospitalId}#{m.HospitalSeq} at {i}", nameof(movements));
            }

            var key = BudgetClock.MonthKey(m.BudgetDate);
            var settled = m.Kind == ClaimKind.Settlement ? 1 : 0;
            var add = new MonthTotal(key, m.FundPaid, settled, 1 - settled);
            months[key] = months.TryGetValue(key, out var sum) ? sum.Plus(add) : add;
            if (m.SettledAt > last)
            {
                last = m.SettledAt;
            }
        }

        return new FundDelta(hospitalId, movements[0].HospitalSeq, movements[^1].HospitalSeq,
            [.. months.Values.OrderBy(t => t.Month)], last);
    }
}
