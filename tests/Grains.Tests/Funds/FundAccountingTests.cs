using Monitoring.Claims;
using Monitoring.Funds;
using Monitoring.Funds.Snapshots;
using Monitoring.Ledger;

namespace Monitoring.Grains.Tests.Funds;

public sealed class FundAccountingTests
{
    private static FundMovement Move(string hospital, long seq, decimal paid, int month = 3, ClaimKind kind = ClaimKind.Settlement) =>
        new(hospital, seq, kind, new DateOnly(2026, month, 10), paid, new DateTimeOffset(2026, month, 10, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Delta_folds_movements_by_budget_month()
    {
        var delta = FundDelta.Fold("H1", [Move("H1", 1, 10, 3), Move("H1", 2, 5, 4), Move("H1", 3, -10, 3, ClaimKind.Reversal)]);
        Assert.Equal((1L, 3L), (delta.FromSeq, delta.ToSeq));
        Assert.Equal([new MonthTotal(202603, 0, 1, 1), new MonthTotal(202604, 5, 1, 0)], delta.Months);
    }

    [Fact]
    public void Delta_refuses_a_run_with_a_gap()
    {
        Assert.Throws<ArgumentException>(() => FundDelta.Fold("H1", [Move("H1", 1, 10), Move("H1", 3, 5)]));
    }

    [Fact]
    public void A_delta_is_counted_once()
    {
        var state = new FundAccountState();
        var delta = FundDelta.Fold("H1", [Move("H1", 1, 10), Move("H1", 2, 5)]);
        Assert.Equal(DeltaOutcome.Applied, FundAccounting.Apply(state, delta));
        Assert.Equal(DeltaOutcome.AlreadyCounted, FundAccounting.Apply(state, delta));
        Assert.Equal(15m, FundAccounting.Balance(state).FundPaidIn(2026));
    }

    [Fact]
    public void A_delta_that_skips_rows_is_a_gap_and_changes_nothing()
    {
        var state = new FundAccountState();
        FundAccounting.Apply(state, FundDelta.Fold("H1", [Move("H1", 1, 10)]));
        Assert.Equal(DeltaOutcome.Gap, FundAccounting.Apply(state, FundDelta.Fold("H1", [Move("H1", 3, 5)])));
        Assert.Equal(10m, FundAccounting.Balance(state).FundPaidIn(2026));
        Assert.Equal(1, FundAccounting.CursorOf(state, "H1"));
    }

    [Fact]
    public void A_delta_overlapping_what_is_counted_is_a_gap()
    {
        var state = new FundAccountState();
        FundAccounting.Apply(state, FundDelta.Fold("H1", [Move("H1", 1, 10), Move("H1", 2, 10)]));
        Assert.Equal(DeltaOutcome.Gap, FundAccounting.Apply(state, FundDelta.Fold("H1", [Move("H1", 2, 10), Move("H1", 3, 10)])));
    }

    [Fact]
    public void Hospitals_have_independent_cursors()
    {
        var state = new FundAccountState();
        FundAccounting.Apply(state, FundDelta.Fold("H1", [Move("H1", 1, 10)]));
        Assert.Equal(DeltaOutcome.Applied, FundAccounting.Apply(state, FundDelta.Fold("H2", [Move("H2", 1, 7)])));
        var balance = FundAccounting.Balance(state);
        Assert.Equal((17m, 2L), (balance.FundPaidIn(2026), balance.ClaimsCountedIn(2026)));
    }

    [Fact]
    public void Claims_counted_exclude_reversed_ones_and_other_years()
    {
        var state = new FundAccountState();
        FundAccounting.Apply(state, FundDelta.Fold("H1", [Move("H1", 1, 10), Move("H1", 2, 20), Move("H1", 3, -10, kind: ClaimKind.Reversal)]));
        FundAccounting.Apply(state, new FundDelta("H2", 1, 1, [new MonthTotal(202512, 99, 1, 0)], DateTimeOffset.UnixEpoch));
        var balance = FundAccounting.Balance(state);
        Assert.Equal((20m, 1L), (balance.FundPaidIn(2026), balance.ClaimsCountedIn(2026)));
    }
}
