using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Publishing;
using Monitoring.Registry;
using Monitoring.Storage;

namespace Monitoring.Readmission;

/// <summary>
/// Holds the latest readmission counts of a region's hospitals and judges each reporting hospital against the median
/// of its same-level peers (<see cref="ReadmissionRates"/>, <see cref="ReadmissionRateAlarm"/>). Only which hospitals
/// stand alerted is stored: counts come back with the places' next reports, and the alarm must not raise twice.
/// </summary>
public sealed class ReadmissionPeersGrain(
    [PersistentState("readmission-peers", GrainStorage.FundState)] IPersistentState<ReadmissionPeersState> state,
    RegistryCatalog registry,
    IPublisher publisher,
    IOptions<ReadmissionOptions> options,
    TimeProvider clock) : Grain, IReadmissionPeersGrain
{
    private readonly Dictionary<string, HospitalReadmissionReport> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateOnly> _asOf = new(StringComparer.Ordinal);

    public async Task ReportAsync(HospitalReadmissionReport[] reports, DateOnly asOf)
    {
        foreach (var report in reports)
        {
            _latest[report.Placement.HospitalId] = report;
            _asOf[report.Placement.HospitalId] = asOf;
        }

        var rates = _latest.Values.Select(r => new HospitalRate(r.Placement.HospitalId, r.Level, r.Rate)).ToList();
        var alerts = new List<Alert>();
        var current = await registry.CurrentAsync();
        foreach (var report in reports)
        {
            var hospitalId = report.Placement.HospitalId;
            var t = options.Value.For(report.Placement.CountyId);
            if (ReadmissionRates.PeerMedian(hospitalId, report.Level, rates, t) is not { } peers)
            {
                continue;
            }

            var raised = state.State.Alerted.Contains(hospitalId);
            var (next, transition) = ReadmissionRateAlarm.Next(raised, report.Rate.Rate, peers.Median, report.Rate.Discharges, t);
            if (transition is { } change)
            {
                var name = current.Hospitals.TryGetValue(hospitalId, out var entry) ? entry.Hospital.Name : null;
                alerts.Add(ReadmissionAlerts.Rate(report.Placement, name, asOf, report.Rate, peers, change, t, clock.GetUtcNow()));
                _ = next ? state.State.Alerted.Add(hospitalId) : state.State.Alerted.Remove(hospitalId);
            }
        }

        if (alerts.Count > 0)
        {
            await publisher.RaiseAsync(alerts);
            await state.WriteStateAsync();
        }
    }

    public Task<HospitalReadmissionStanding?> GetAsync(string hospitalId)
    {
        if (!_latest.TryGetValue(hospitalId, out var report))
        {
            return Task.FromResult<HospitalReadmissionStanding?>(null);
        }

        var t = options.Value.For(report.Placement.CountyId);
        var rates = _latest.Values.Select(r => new HospitalRate(r.Placement.HospitalId, r.Level, r.Rate));
        var peers = ReadmissionRates.PeerMedian(hospitalId, report.Level, rates, t);
        return Task.FromResult<HospitalReadmissionStanding?>(new HospitalReadmissionStanding(
            hospitalId, _asOf[hospitalId], report.Rate.Discharges, report.Rate.Pairs, report.Rate.Rate,
            peers?.Median, peers?.Peers ?? 0, peers is null ? null : ReadmissionRateAlarm.Threshold(peers.Median, t),
            state.State.Alerted.Contains(hospitalId), t.RateWindowDays));
    }
}

/// <summary>The hospitals of a region whose readmission-rate alert stands.</summary>
[GenerateSerializer]
public sealed class ReadmissionPeersState
{
    [Id(0)] public HashSet<string> Alerted { get; set; } = new(StringComparer.Ordinal);
}
