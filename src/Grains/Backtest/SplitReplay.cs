using Monitoring.Ledger;
using Monitoring.Readmission;
using Monitoring.Rules;

namespace Monitoring.Backtest;

/// <summary>
/// One place's split pairs as a replay of its ledger rows finds them under one rule library: the same window the
/// live watch keeps (<see cref="PlaceReadmissions"/>), with what it would publish folded into the pairs standing.
/// Nothing is published: a replay only reads.
/// </summary>
public sealed class SplitReplay(ReadmissionThresholds thresholds, Func<DateOnly, RuleInForce<ReadmissionThresholds>> inForce)
{
    /// <summary>Rows between drains: the live watch drains once a batch; eviction only bounds memory, it changes no pair.</summary>
    private const int DrainEvery = 2_000;

    private readonly PlaceReadmissions _place = new(thresholds, inForce);
    private readonly Dictionary<string, SuspiciousPair> _standing = new(StringComparer.Ordinal);
    private int _sinceDrain;

    public void Take(LedgerEntry row)
    {
        _place.Take(row);
        if (++_sinceDrain >= DrainEvery)
        {
            Drain();
        }
    }

    /// <summary>The pairs standing after every row taken: raised and not withdrawn by a reversal or a stay between.</summary>
    public IReadOnlyCollection<SuspiciousPair> Standing()
    {
        Drain();
        return _standing.Values;
    }

    private void Drain()
    {
        _sinceDrain = 0;
        // A drain's raised and withdrawn are disjoint (a pair re-raised since it went is only raised), so order is free.
        var (raised, withdrawn, _) = _place.Drain();
        foreach (var key in withdrawn.SelectMany(w => w))
        {
            _standing.Remove(key);
        }

        foreach (var pair in raised)
        {
            _standing[pair.PairKey] = pair;
        }
    }
}
