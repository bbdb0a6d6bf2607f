using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Publishing;
using Monitoring.Registry;
using Monitoring.Storage;

namespace Monitoring.Readmission;

/// <summary>
/// Holds the latest readmission counts of a region's hospitals and, as each reporting hospital's settlement days
/// close, judges them one by one against the pairs its discharges would give at its peers' rate
/// (<see cref="ReadmissionRates.Reference"/>, <see cref="ReadmissionRateTest"/>). Each hospital's track is stored with
/// the day it is judged through, so a day is judged once and an alert raised once; counts come back with the places'
/// next reports.
/// </summary>
public sealed class ReadmissionPeersGrain(
    [PersistentState("readmission-peers", GrainStorage.FundState)] IPersistentState<ReadmissionPeersState> state,
    RegistryCatalog registry,
    IPublisher publisher,
    IOptions<ReadmissionOptions> options,
    TimeProvider clock) : Grain, IReadmissionPeersGrain
{
    /// <summary>Why a raised rate alert is resolved: its hospital's rate is back to what its discharges lead one to expect.</summary>
    public const string ClearedReason = "readmission-rate-cleared";

    private readonly Dictionary<string, HospitalReadmissionReport> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> _asOf = new(StringComparer.Ordinal);

    public async Task ReportAsync(HospitalReadmissionReport[] reports, DateOnly asOf)
    {
        foreach (var report in reports)
        {
            _latest[report.Placement.HospitalId] = report;
            _asOf[report.Placement.HospitalId] = asOf;
        }

        var rates = Rates();
        var current = await registry.CurrentAsync();
        var raised = new List<Alert>();
        var cleared = new List<(Alert Alert, string? RaisedId)>();
        var changed = false;
        foreach (var report in reports)
        {
            var hospitalId = report.Placement.HospitalId;
            var t = options.Value.For(report.Placement.CountyId);
            var threshold = ReadmissionRateTest.Threshold(current.Hospitals.Values.Count(h => h.Placement.RegionId == report.Placement.RegionId), t);
            var reference = ReadmissionRates.Reference(hospitalId, report.Level, rates, t);
            var track = state.State.Tracks.GetValueOrDefault(hospitalId) ?? RateTrack.Quiet;
            var name = current.Hospitals.TryGetValue(hospitalId, out var entry) ? entry.Hospital.Name : null;
            foreach (var day in ClosedDays(track, report, asOf, t.RateWindowDays))
            {
                changed = true;
                CountMonth(hospitalId, day);
                if (reference is null)
                {
                    // Nothing to expect against yet (the first weeks of data): the day passes unjudged.
                    track = track with { JudgedThrough = day.Day };
                    continue;
                }

                var judgement = ReadmissionRateTest.Judge(track, day.Day, day.Discharges, day.Pairs, reference.Rate, threshold, t);
                track = judgement.Next;
                if (judgement.Transition is not { } transition)
                {
                    continue;
                }

                var alert = ReadmissionAlerts.Rate(report.Placement, name, day.Day, judgement, reference, transition, t, clock.GetUtcNow());
                if (transition == AlertTransition.Raised)
                {
                    raised.Add(alert);
                    track = track with { RaisedAlertId = alert.AlertId };
                    state.State.Alerted.Add(hospitalId);
                }
                else
                {
                    cleared.Add((alert, judgement.Evidence.RaisedAlertId));
                    state.State.Alerted.Remove(hospitalId);
                }
            }

            state.State.Tracks[hospitalId] = track;
        }

        if (raised.Count > 0 || cleared.Count > 0)
        {
            await publisher.RaiseAsync([.. raised, .. cleared.Select(c => c.Alert)]);
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }

        // A cleared rate ends its episode: the raised alert and the clearing one are resolved, by id, not by subject,
        // since the hospital's pair alerts share kind and subject and stand on their own.
        foreach (var (alert, raisedId) in cleared)
        {
            await publisher.ResolveByCaseAsync([.. new[] { raisedId, alert.AlertId }.OfType<string>()], ClearedReason);
        }
    }

    public Task<HospitalReadmissionStanding?> GetAsync(string hospitalId)
    {
        if (!_latest.TryGetValue(hospitalId, out var report))
        {
            return Task.FromResult<HospitalReadmissionStanding?>(null);
        }

        var t = options.Value.For(report.Placement.CountyId);
        var rates = Rates();
        var peers = ReadmissionRates.PeerMedian(hospitalId, report.Level, rates, t);
        var reference = ReadmissionRates.Reference(hospitalId, report.Level, rates, t);
        return Task.FromResult<HospitalReadmissionStanding?>(new HospitalReadmissionStanding(
            hospitalId, _asOf[hospitalId], report.Rate.Discharges, report.Rate.Pairs, report.Rate.Rate,
            peers?.Median, peers?.Peers ?? 0, reference is null ? null : reference.Rate * t.RateMinEffect,
            state.State.Alerted.Contains(hospitalId), t.RateWindowDays));
    }

    public Task<HospitalReadmissionMonth[]> MonthsAsync(int fundYear) =>
        Task.FromResult<HospitalReadmissionMonth[]>([.. state.State.Months
            .SelectMany(h => h.Value
                .Where(m => m.Key / 100 == fundYear)
                .Select(m => new HospitalReadmissionMonth(h.Key, m.Key % 100, m.Value.Discharges, m.Value.Pairs)))]);

    /// <summary>
    /// Adds a closed day to its month: each day is closed once (after the track's judged-through day), so the months
    /// are what the rate test saw. Years before the previous one are dropped: the standings look at one fund year.
    /// </summary>
    private void CountMonth(string hospitalId, DayCount day)
    {
        if (!state.State.Months.TryGetValue(hospitalId, out var months))
        {
            state.State.Months[hospitalId] = months = [];
        }

        var key = (day.Day.Year * 100) + day.Day.Month;
        var counted = months.GetValueOrDefault(key);
        months[key] = new ReadmissionMonthCount(counted.Discharges + day.Discharges, counted.Pairs + day.Pairs);
        foreach (var old in months.Keys.Where(k => k / 100 < day.Day.Year - 1).ToList())
        {
            months.Remove(old);
        }
    }

    private List<HospitalRate> Rates() => [.. _latest.Values.Select(r => new HospitalRate(r.Placement.HospitalId, r.Level, r.Rate))];

    /// <summary>
    /// The report's days after the last judged one and before <paramref name="asOf"/> (a day still settling is not
    /// closed), every day in between included: a day without counts is a day without discharges.
    /// </summary>
    private static IEnumerable<DayCount> ClosedDays(RateTrack track, HospitalReadmissionReport report, DateOnly asOf, int windowDays)
    {
        if (report.Days.Length == 0 && track.JudgedThrough is null)
        {
            yield break;
        }

        var counts = report.Days.ToDictionary(d => d.Day);
        var first = track.JudgedThrough?.AddDays(1) ?? report.Days[0].Day;
        // Nothing older than the window is reported; a place quiet that long had no discharges to judge.
        var oldest = asOf.AddDays(-windowDays);
        for (var day = first < oldest ? oldest : first; day < asOf; day = day.AddDays(1))
        {
            yield return counts.TryGetValue(day, out var count) ? count : new DayCount(day, 0, 0);
        }
    }
}

/// <summary>The hospitals of a region whose readmission-rate alert stands, and each hospital's rate test.</summary>
[GenerateSerializer]
public sealed class ReadmissionPeersState
{
    [Id(0)] public HashSet<string> Alerted { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public Dictionary<string, RateTrack> Tracks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per hospital, discharges and pairs per month (key yyyyMM) of the days closed: the peer standings' counts.</summary>
    [Id(100)] public Dictionary<string, Dictionary<int, ReadmissionMonthCount>> Months { get; set; } = new(StringComparer.Ordinal);
}

[GenerateSerializer, Immutable]
public readonly record struct ReadmissionMonthCount([property: Id(0)] int Discharges, [property: Id(1)] int Pairs);
