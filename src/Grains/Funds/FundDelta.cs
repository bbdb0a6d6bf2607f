using Monitoring.Claims;
using Monitoring.Ledger;

using Monitoring.Funds.Snapshots;

namespace Monitoring.Funds;

/// <summary>
/// A hospital's contiguous run of ledger rows (sequence <see cref="FromSeq"/>..<see cref="ToSeq"/>), folded to
/// monthly totals. This is what rolls up from a hospital to its alliance and county: small whatever the run's
/// length, and exact to apply once because the receiver knows which sequence it expects next. Months are budget
/// months (a reversal counts in its settlement's month); days are settlement days (a reversal counts when settled).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FundDelta(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] long FromSeq,
    [property: Id(2)] long ToSeq,
    [property: Id(3)] MonthTotal[] Months,
    [property: Id(4)] DateTimeOffset LastSettledAt,
    [property: Id(5)] DayTotal[]? Days = null)
{
    /// <summary>Folds one hospital's movements, which must be in sequence order without gaps.</summary>
    public static FundDelta Fold(string hospitalId, IReadOnlyList<FundMovement> movements)
    {
        if (movements.Count == 0)
        {
            throw new ArgumentException("a delta needs at least one movement", nameof(movements));
        }

        var months = new Dictionary<int, MonthTotal>();
        var days = new Dictionary<int, (decimal FundPaid, int Settlements)>();
        var last = DateTimeOffset.MinValue;
        for (var i = 0; i < movements.Count; i++)
        {
            var m = movements[i];
            if (m.HospitalId != hospitalId || m.HospitalSeq != movements[0].HospitalSeq + i)
            {
                throw new ArgumentException($"movements of {hospitalId} must be contiguous; found {m.HospitalId}#{m.HospitalSeq} at {i}", nameof(movements));
            }

            var key = BudgetClock.MonthKey(m.BudgetDate);
            var (day, settled) = DayOf(m);
            var add = new MonthTotal(key, m.FundPaid, settled, m.Kind == ClaimKind.Reversal ? 1 : 0);
            months[key] = months.TryGetValue(key, out var sum) ? sum.Plus(add) : add;
            var sofar = days.GetValueOrDefault(day);
            days[day] = (sofar.FundPaid + m.FundPaid, sofar.Settlements + settled);
            if (m.SettledAt > last)
            {
                last = m.SettledAt;
            }
        }

        return new FundDelta(hospitalId, movements[0].HospitalSeq, movements[^1].HospitalSeq,
            [.. months.Values.OrderBy(t => t.Month)], last, [.. days.OrderBy(d => d.Key).Select(d => new DayTotal(d.Key, d.Value.FundPaid, d.Value.Settlements))]);
    }

    /// <summary>
    /// The settlement day (yyyyMMdd) a movement counts on, and whether it is a settlement: a reversal counts when it
    /// is settled, and a recovery moves money but is neither a settlement nor a reversal, so it changes no claim count.
    /// </summary>
    public static (int Day, int Settlements) DayOf(FundMovement movement) =>
        (BudgetClock.DayKey(BudgetClock.BudgetDate(movement.SettledAt)), movement.Kind == ClaimKind.Settlement ? 1 : 0);
}
