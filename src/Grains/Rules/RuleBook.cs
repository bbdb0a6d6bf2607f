using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Monitoring.LowThreshold;
using Monitoring.Pace;
using Monitoring.Readmission;
using Monitoring.Upcoding;

namespace Monitoring.Rules;

/// <summary>
/// This silo's view of the rule library, as the detectors read it: the library the rule-library grain last told it
/// of (the seeded one until then, which judges as the start-up options do). Reading it is a field read: no grain call
/// on the judging path.
/// </summary>
public sealed class RuleBook : IRuleBookObserver, IPaceThresholds
{
    private readonly ReadmissionOptions _readmission;
    private readonly BudgetPaceOptions _pace;
    private readonly RuleDefinition[] _rules;
    // By county as well as version: a region's version leaves the thresholds the library does not hold to each
    // county's options, and those differ by county.
    private readonly ConcurrentDictionary<(string CountyId, string Scope, int Version), ReadmissionThresholds> _split = new();
    private readonly ConcurrentDictionary<(string CountyId, string Scope, int Version), PaceThresholds> _paces = new();
    private RuleLibrary _library;

    public RuleBook(IOptions<ReadmissionOptions> readmission, IOptions<BudgetPaceOptions> pace, IOptions<UpcodingOptions> upcoding, IOptions<LowThresholdOptions> lowThreshold)
    {
        (_readmission, _pace) = (readmission.Value, pace.Value);
        _rules = RuleCatalogue.Rules(_readmission, _pace, upcoding.Value, lowThreshold.Value);
        _library = Seeded = RuleLibrary.Seeded(_rules, SeedEvents(DateTimeOffset.UnixEpoch));
    }

    /// <summary>The library as the start-up options seed it: what judges the rules the detectors do not read from the library yet.</summary>
    public RuleLibrary Seeded { get; }

    /// <summary>The alert with the rule and version that raised it (<see cref="AlertRules"/>).</summary>
    public Alerts.Alert Stamped(Alerts.Alert alert) => AlertRules.Stamped(alert, Library, Seeded);

    public RuleLibrary Library => Volatile.Read(ref _library);

    /// <summary>The catalogue with no versions: what the stored history folds onto.</summary>
    public RuleLibrary Empty => new() { Rules = _rules, Versions = [] };

    public RuleEvent[] SeedEvents(DateTimeOffset at) => RuleCatalogue.Seeds(_rules, _readmission, _pace, at);

    /// <summary>Keeps the newer library: a late answer to a subscription must not undo a publish told since.</summary>
    public Task UpdateAsync(RuleLibrary library)
    {
        var current = Library;
        while (library.Revision > current.Revision)
        {
            var seen = Interlocked.CompareExchange(ref _library, library, current);
            if (ReferenceEquals(seen, current))
            {
                break;
            }

            current = seen;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The split-hospitalization thresholds in force for a county on a settlement day: the options' thresholds with
    /// the library version's window and grades, and that version.
    /// </summary>
    public RuleInForce<ReadmissionThresholds> Split(string countyId, string? regionId, DateOnly day) => Split(Library, countyId, regionId, day);

    /// <summary>The same, as <paramref name="library"/> has it: a backtest judges under a library with its draft published.</summary>
    public RuleInForce<ReadmissionThresholds> Split(RuleLibrary library, string countyId, string? regionId, DateOnly day)
    {
        var version = library.InForce(RuleIds.SplitHospitalization, countyId, regionId, day);
        var thresholds = _split.GetOrAdd((countyId, version.Scope, version.Version), _ =>
        {
            var t = _readmission.For(countyId);
            return new ReadmissionThresholds
            {
                WindowDays = (int)version["windowDays"],
                CriticalMaxDays = (int)version["criticalMaxDays"],
                WarningMaxDays = (int)version["warningMaxDays"],
                PlannedTreatmentCategories = t.PlannedTreatmentCategories,
                RetentionDays = t.RetentionDays,
                ShortStayFraction = t.ShortStayFraction,
                MinNormCases = t.MinNormCases,
                RateWindowDays = t.RateWindowDays,
                RateMinDischarges = t.RateMinDischarges,
                RateShiftRatio = t.RateShiftRatio,
                RateMinEffect = t.RateMinEffect,
                RateFamilyError = t.RateFamilyError,
                RateMinRunPairs = t.RateMinRunPairs,
                RateClearEvidence = t.RateClearEvidence,
                RateMinReference = t.RateMinReference,
                RateMinReferenceDischarges = t.RateMinReferenceDischarges,
            };
        });
        return new RuleInForce<ReadmissionThresholds>(version, thresholds);
    }

    public PaceThresholds On(string countyId, string regionId, DateOnly day) => Pace(Library, countyId, regionId, day).Thresholds;

    /// <summary>
    /// The budget-pace thresholds in force for a county on a settlement day, as <paramref name="library"/> has them:
    /// the ladder from the version, the band, dwell and projection settings from the county's options.
    /// </summary>
    public RuleInForce<PaceThresholds> Pace(RuleLibrary library, string countyId, string? regionId, DateOnly day)
    {
        var version = library.InForce(RuleIds.BudgetPace, countyId, regionId, day);
        var thresholds = _paces.GetOrAdd((countyId, version.Scope, version.Version), _ =>
        {
            var t = _pace.For(countyId);
            return new PaceThresholds
            {
                NoticeGapPoints = version["noticeGapPoints"],
                WarningGapPoints = version["warningGapPoints"],
                CriticalProjectionPercent = version["criticalProjectionPercent"],
                NoticeProjectionPercent = version["noticeProjectionPercent"],
                HysteresisPoints = t.HysteresisPoints,
                MinimumDwellDays = t.MinimumDwellDays,
                ProjectionWindowDays = t.ProjectionWindowDays,
                MinimumProjectionDays = t.MinimumProjectionDays,
                MinimumProjectionClaims = t.MinimumProjectionClaims,
                CredibilityClaims = t.CredibilityClaims,
                ProjectionConfidenceZ = t.ProjectionConfidenceZ,
            };
        });
        return new RuleInForce<PaceThresholds>(version, thresholds);
    }
}

/// <summary>A rule's thresholds as one version of the library sets them, with that version.</summary>
public sealed record RuleInForce<T>(RuleVersion Version, T Thresholds);
