using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Rules;

namespace Monitoring.Readmission;

/// <summary>
/// What a place's readmission watch holds between batches: its window of recent stays (<see cref="StayWindow"/>), its
/// hospitals' readmission counts, and the pairs raised and withdrawn since they were last published. Plain code: the
/// grain feeds it rows and publishes what <see cref="Drain"/> hands back.
/// </summary>
public sealed class PlaceReadmissions(ReadmissionThresholds thresholds, Func<DateOnly, RuleInForce<ReadmissionThresholds>>? inForce = null)
{
    /// <summary>Why a pair's alert goes when a stay settled later falls between its two stays.</summary>
    public const string SupersededReason = "superseded-by-a-stay-between";

    private readonly Dictionary<string, HospitalReadmissionCounts> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SuspiciousPair> _raised = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _withdrawn = new(StringComparer.Ordinal);
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);

    public StayWindow Window { get; } = new(thresholds, inForce);

    /// <summary>The latest settlement day among the rows taken: the window's clock.</summary>
    public DateOnly Watermark { get; private set; }

    /// <summary>The days a rebuild reads back from the latest settlement: the stays a pair may still need and the rate window.</summary>
    public int LookBackDays => Math.Max(thresholds.RetentionDays + StayWindow.EvictionGraceDays, thresholds.RateWindowDays);

    public void Take(LedgerEntry row)
    {
        var movement = row.Movement;
        if (BudgetClock.BudgetDate(movement.SettledAt) is var day && day > Watermark)
        {
            Watermark = day;
        }

        if (Change(row) is not { } changes)
        {
            return;
        }

        _touched.Add(movement.HospitalId);
        foreach (var pair in changes.Raised)
        {
            _raised[pair.PairKey] = pair;
            _withdrawn.Remove(pair.PairKey);
            Counts(pair.Second.HospitalId).Paired(BudgetClock.BudgetDate(pair.KnownAt));
            _touched.Add(pair.Second.HospitalId);
        }

        foreach (var pair in changes.Withdrawn)
        {
            // A pair found and undone before it was published simply goes.
            if (!_raised.Remove(pair.PairKey))
            {
                _withdrawn[pair.PairKey] = row.Claim.Kind == ClaimKind.Reversal ? ReversedClaimsFeed.Reason : SupersededReason;
            }

            Counts(pair.Second.HospitalId).Paired(BudgetClock.BudgetDate(pair.KnownAt), -1);
        }
    }

    /// <summary>The pairs raised, the pair keys withdrawn (by reason) and the hospitals touched since the last drain; evicts the window.</summary>
    public (SuspiciousPair[] Raised, ILookup<string, string> Withdrawn, string[] Touched) Drain()
    {
        var drained = (_raised.Values.ToArray(), _withdrawn.ToLookup(w => w.Value, w => w.Key), _touched.ToArray());
        _raised.Clear();
        _withdrawn.Clear();
        _touched.Clear();
        Window.Evict(Watermark);
        return drained;
    }

    public ReadmissionRate Rate(string hospitalId) => Counts(hospitalId).Rate(Watermark);

    /// <summary>The hospital's discharges and pairs day by day over the rate window, for the peers' daily rate test.</summary>
    public DayCount[] Days(string hospitalId) => Counts(hospitalId).Days(Watermark);

    /// <summary>What one ledger row does to the window, or null when it is not a stay the rule can judge.</summary>
    private PairChanges? Change(LedgerEntry row)
    {
        var claim = row.Claim;
        if (claim.Kind == ClaimKind.Reversal)
        {
            if (row.PatientId is not { } patient)
            {
                return null;
            }

            var reversed = Window.StaysOf(patient).FirstOrDefault(s => s.ClaimId == claim.ReversesClaimId);
            if (reversed is not null)
            {
                Counts(reversed.HospitalId).Discharged(reversed.SettledDay, -1);
            }

            return Window.Reverse(patient, claim.ReversesClaimId!);
        }

        if (claim.PatientId is not { } patientId || Stay.From(claim, Window.Codes) is not { } stay)
        {
            return null;
        }

        Counts(stay.HospitalId).Discharged(stay.SettledDay);
        return Window.Settle(patientId, stay);
    }

    private HospitalReadmissionCounts Counts(string hospitalId)
    {
        if (!_counts.TryGetValue(hospitalId, out var counts))
        {
            _counts[hospitalId] = counts = new HospitalReadmissionCounts(thresholds.RateWindowDays);
        }

        return counts;
    }
}
