using Monitoring.Claims;
using Monitoring.Rules;

namespace Monitoring.Readmission;

/// <summary>
/// The recent stays of every patient at one place — an alliance, or a hospital outside any alliance — and
/// the suspect pairs among them. A patient's stays are kept in order of (admission, discharge, claim id) and only
/// neighbours are compared, so a stay settled late between two others takes their pair over.
/// The pairs held depend only on the stays held; the severity of a pair depends on the DRG norms when it was
/// raised, and the norms only on the order stays arrived in, so batching changes nothing.
/// </summary>
public sealed class StayWindow(ReadmissionThresholds thresholds, Func<DateOnly, RuleInForce<ReadmissionThresholds>>? inForce = null)
{
    /// <summary>
    /// Days a stay is kept beyond retention before it is dropped: the watermark is the latest settlement seen, and a
    /// feed slightly out of settlement order may still bring a stay the retention rule would compare with it.
    /// </summary>
    public const int EvictionGraceDays = 7;

    private readonly Dictionary<string, Stay[]> _patients = new(StringComparer.Ordinal);

    public ReadmissionThresholds Thresholds { get; } = thresholds;

    /// <summary>The pool that stays of this window should be made with (<see cref="Stay.From"/>), so they share codes.</summary>
    public CodePool Codes { get; } = new();

    public DrgNorms Norms { get; } = new();

    public int Patients => _patients.Count;

    public int Stays { get; private set; }

    public IReadOnlyList<Stay> StaysOf(string patientId) => _patients.TryGetValue(patientId, out var stays) ? stays : [];

    /// <summary>The patient's suspect pairs as they stand, judged against the norms as they stand.</summary>
    public IReadOnlyList<SuspiciousPair> PairsOf(string patientId) => Pairs(patientId, StaysOf(patientId));

    /// <summary>Adds a settled stay; a claim already held changes nothing, so a re-sent claim is harmless.</summary>
    public PairChanges Settle(string patientId, Stay stay)
    {
        var before = _patients.TryGetValue(patientId, out var held) ? held : [];
        if (Array.Exists(before, s => s.ClaimId == stay.ClaimId))
        {
            return PairChanges.None;
        }

        var index = Array.BinarySearch(before, stay, StayOrder.Instance);
        var at = ~index;
        Stay[] after = [.. before.AsSpan(0, at), stay, .. before.AsSpan(at)];
        _patients[patientId] = after;
        Stays++;
        var changes = Diff(Pairs(patientId, before), Pairs(patientId, after));
        // After judging: a stay is never part of the norm it is judged against, and the norm a pair meets is fixed
        // by the order claims arrived in.
        Norms.Add(stay);
        return changes;
    }

    /// <summary>Takes out a reversed stay: its pairs are withdrawn, and its neighbours may become a pair.</summary>
    public PairChanges Reverse(string patientId, string claimId)
    {
        var before = _patients.TryGetValue(patientId, out var held) ? held : [];
        var index = Array.FindIndex(before, s => s.ClaimId == claimId);
        if (index < 0)
        {
            return PairChanges.None;
        }

        var reversed = before[index];
        Stay[] after = [.. before.AsSpan(0, index), .. before.AsSpan(index + 1)];
        Stays--;
        if (after.Length == 0)
        {
            _patients.Remove(patientId);
        }
        else
        {
            _patients[patientId] = after;
        }

        var pairsBefore = Pairs(patientId, before);
        // A reversed stay never happened: pairs it makes consecutive are judged without it in the norms.
        Norms.Remove(reversed);
        return Diff(pairsBefore, Pairs(patientId, after));
    }

    /// <summary>
    /// Drops stays discharged more than retention plus grace before <paramref name="watermark"/> (the latest
    /// settlement date seen) and patients left with none; returns how many stays went. Nothing is raised or
    /// withdrawn: a dropped stay's pairs stand as they were raised, and the retention rule already keeps it out of
    /// any pair with a stay settled from now on. The norms keep it, so that when eviction runs cannot change them.
    /// </summary>
    public int Evict(DateOnly watermark)
    {
        var cutoff = watermark.DayNumber - Thresholds.RetentionDays - EvictionGraceDays;
        var dropped = 0;
        List<(string PatientId, Stay[] Kept)>? changed = null;
        foreach (var (patientId, stays) in _patients)
        {
            var kept = Array.FindAll(stays, s => s.Discharge.DayNumber >= cutoff);
            if (kept.Length != stays.Length)
            {
                dropped += stays.Length - kept.Length;
                (changed ??= []).Add((patientId, kept));
            }
        }

        foreach (var (patientId, kept) in changed ?? [])
        {
            if (kept.Length == 0)
            {
                _patients.Remove(patientId);
            }
            else
            {
                _patients[patientId] = kept;
            }
        }

        Stays -= dropped;
        return dropped;
    }

    private List<SuspiciousPair> Pairs(string patientId, IReadOnlyList<Stay> stays)
    {
        var pairs = new List<SuspiciousPair>();
        for (var i = 0; i + 1 < stays.Count; i++)
        {
            var (first, second) = (stays[i], stays[i + 1]);
            // A pair is judged by the rule version in force on the day it became known (the later settlement), so
            // a version published later never changes what an earlier day raised, and a replay raises the same.
            var rule = inForce?.Invoke(BudgetClock.BudgetDate(first.SettledAt >= second.SettledAt ? first.SettledAt : second.SettledAt));
            if (ReadmissionRule.Match(first, second, rule?.Thresholds ?? Thresholds, Norms.For(first.DrgCode)) is { } finding)
            {
                pairs.Add(new SuspiciousPair(patientId, first, second, rule is null ? finding : finding with { RuleVersion = rule.Version.Version, RuleScope = rule.Version.Scope }));
            }
        }

        return pairs;
    }

    private static PairChanges Diff(List<SuspiciousPair> before, List<SuspiciousPair> after)
    {
        var raised = after.FindAll(p => !before.Exists(b => b.PairKey == p.PairKey));
        var withdrawn = before.FindAll(p => !after.Exists(a => a.PairKey == p.PairKey));
        return raised.Count == 0 && withdrawn.Count == 0 ? PairChanges.None : new PairChanges(raised, withdrawn);
    }
}
