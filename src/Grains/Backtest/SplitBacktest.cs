using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Readmission;
using Monitoring.Registry;
using Monitoring.Rules;

namespace Monitoring.Backtest;

/// <summary>
/// Backtests a version of the split-hospitalization rule: every place of its scope is replayed from the ledger twice
/// at once, under the library in force and under the library with the version published, and the pairs found in the
/// period are compared. Reads the ledger and nothing else: no alert, push, case, balance or watch is touched.
/// </summary>
public sealed class SplitBacktest(IClaimsLedger ledger, RuleBook rules, IOptions<ReadmissionOptions> options) : IRuleBacktest
{
    /// <summary>What a backtest counts: the pairs (the readmission-rate alerts are the peers' and stay out of it).</summary>
    public const string PairKind = $"{AlertKinds.SplitHospitalization}/pair";

    public string RuleId => RuleIds.SplitHospitalization;

    public async Task<BacktestOutcome> RunAsync(BacktestRequest request, RuleLibrary live, FundRegistry registry, BacktestProgress progress, CancellationToken cancellationToken)
    {
        var tried = IRuleBacktest.Tried(request, live);
        var places = BacktestPlaces.Of(request.Scope, registry);
        List<BacktestFinding> before = [], after = [];
        long read = 0;
        for (var i = 0; i < places.Length; i++)
        {
            var place = places[i];
            var thresholds = options.Value.For(place.CountyId);
            var liveReplay = new SplitReplay(thresholds, day => rules.Split(live, place.CountyId, place.RegionId, day));
            var triedReplay = new SplitReplay(thresholds, day => rules.Split(tried, place.CountyId, place.RegionId, day));
            // The stays a pair of the first day may still need: the live window holds them for as long.
            var since = new DateTimeOffset(request.From.AddDays(-thresholds.RetentionDays - StayWindow.EvictionGraceDays).ToDateTime(TimeOnly.MinValue), BudgetClock.ChinaOffset);
            await foreach (var row in ledger.ReadRecentAsync(place.Hospitals, since, cancellationToken))
            {
                if (BudgetClock.BudgetDate(row.Movement.SettledAt) <= request.To)
                {
                    liveReplay.Take(row);
                    triedReplay.Take(row);
                }

                if (++read % 5_000 == 0)
                {
                    progress((double)i / places.Length, read);
                }
            }

            before.AddRange(Findings(liveReplay, request));
            after.AddRange(Findings(triedReplay, request));
            progress((double)(i + 1) / places.Length, read);
        }

        return BacktestComparison.Of(before, after, registry);

        BacktestFinding Finding(SuspiciousPair pair) => BacktestFinding.AtHospital(pair.PairKey, PairKind, pair.Second.HospitalId, BudgetClock.BudgetDate(pair.KnownAt),
            change => new BacktestExample(change, PairKind, pair.Second.HospitalId,
                registry.Hospitals.TryGetValue(pair.Second.HospitalId, out var h) ? h.Hospital.Name : null, registry.PlacementOf(pair.Second.HospitalId)?.CountyId,
                pair.First.ClaimId, pair.Second.ClaimId, pair.First.Discharge, pair.Second.Admission, pair.IntervalDays,
                pair.Severity.ToString().ToLowerInvariant(), BudgetClock.BudgetDate(pair.KnownAt)));

        IEnumerable<BacktestFinding> Findings(SplitReplay replay, BacktestRequest r) =>
            replay.Standing().Select(Finding).Where(f => f.KnownOn >= r.From && f.KnownOn <= r.To);
    }
}
