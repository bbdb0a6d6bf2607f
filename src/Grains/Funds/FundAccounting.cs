namespace Monitoring.Funds;

/// <summary>
/// Exactly-once bookkeeping of deltas into an account. A delta applies only when it starts at the next sequence
/// the account expects from that hospital; anything already counted is ignored, and anything that would skip or
/// half-overlap is reported as a gap for the caller to fill from the ledger.
/// </summary>
public static class FundAccounting
{
    public static long CursorOf(FundAccountState state, string hospitalId) =>
        state.Cursors.TryGetValue(hospitalId, out var cursor) ? cursor : 0;

    public static DeltaOutcome Apply(FundAccountState state, FundDelta delta)
    {
        var cursor = CursorOf(state, delta.HospitalId);
        if (delta.ToSeq <= cursor)
        {
            return DeltaOutcome.AlreadyCounted;
        }

        if (delta.FromSeq != cursor + 1)
        {
            return DeltaOutcome.Gap;
        }

        foreach (var month in delta.Months)
        {
            state.Months[month.Month] = state.Months.TryGetValue(month.Month, out var sum) ? sum.Plus(month) : month;
        }

        foreach (var day in delta.Days ?? [])
        {
            state.Days[day.Day] = state.Days.GetValueOrDefault(day.Day) + day.FundPaid;
            if (day.Settlements != 0)
            {
                state.DayClaims[day.Day] = state.DayClaims.GetValueOrDefault(day.Day) + day.Settlements;
            }
        }

        state.Cursors[delta.HospitalId] = delta.ToSeq;
        if (state.LastSettledAt is null || delta.LastSettledAt > state.LastSettledAt)
        {
            state.LastSettledAt = delta.LastSettledAt;
        }

        return DeltaOutcome.Applied;
    }

    public static FundBalance Balance(FundAccountState state) =>
        new([.. state.Months.Values.OrderBy(m => m.Month)], state.LastSettledAt);
}
