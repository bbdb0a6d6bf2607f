using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Publishing;
using Monitoring.Registry;
using Monitoring.Rules;
using Monitoring.Watch;

namespace Monitoring.Readmission;

/// <summary>
/// A place's readmission watch: keeps its recent stays (<see cref="PlaceReadmissions"/>), raises a split-hospitalization
/// alert for every new suspect pair and withdraws those a later claim undoes, and reports its hospitals' readmission
/// counts to the region's peers. No checkpoint: the window is a function of the last weeks of the ledger, which the
/// watch rebuilds it from; the alerts a rebuild re-finds are stored once by their pair-derived ids.
/// </summary>
public sealed class ReadmissionGrain(
    IClaimsLedger ledger,
    RegistryCatalog registry,
    IPublisher publisher,
    IOptions<ReadmissionOptions> options,
    RuleBook rules,
    IOptions<CheckpointOptions> catchUp,
    TimeProvider clock,
    ILogger<ReadmissionGrain> logger) : WatchGrain(ledger, registry, catchUp, logger), IReadmissionGrain
{
    private PlaceReadmissions _place = null!;

    public Task<ReadmissionWindowSize> GetSizeAsync() => Task.FromResult(new ReadmissionWindowSize(_place.Window.Patients, _place.Window.Stays));

    protected override string Size => $"{_place.Window.Patients} patients, {_place.Window.Stays} stays";

    protected override IReadOnlyCollection<string> HospitalsOf(FundRegistry current) =>
        current.Alliances.ContainsKey(Key) ? [.. current.HospitalsOfAlliance(Key)] : [Key];

    protected override void Start(FundRegistry current)
    {
        var countyId = current.Alliances.TryGetValue(Key, out var alliance) ? alliance.County.CountyId : current.PlacementOf(Key)?.CountyId;
        var regionId = countyId is not null && current.Counties.TryGetValue(countyId, out var county) ? county.Region.RegionId : null;
        _place = new PlaceReadmissions(options.Value.For(countyId ?? ""), day => rules.Split(countyId ?? "", regionId, day));
    }

    protected override DateTimeOffset RebuildFrom(DateTimeOffset latest, FundRegistry current) => latest.AddDays(-_place.LookBackDays);

    protected override ValueTask TakeAsync(LedgerEntry row)
    {
        _place.Take(row);
        return ValueTask.CompletedTask;
    }

    protected override async Task JudgeAsync(DateTimeOffset watermark, FundRegistry current)
    {
        var (raised, withdrawn, touched) = _place.Drain();
        if (raised.Length > 0)
        {
            var now = clock.GetUtcNow();
            await publisher.RaiseAsync([.. raised.Select(pair => ReadmissionAlerts.Pair(
                pair, PlacementOf(pair.Second.HospitalId), PlacementOf(pair.First.HospitalId), NameOf, now))]);
        }

        foreach (var byReason in withdrawn)
        {
            await publisher.WithdrawAsync([.. byReason.Select(ReadmissionAlerts.PairAlertId)], [], byReason.Key);
        }

        var reports = touched
            .Where(h => current.PlacementOf(h) is not null)
            .Select(h => new HospitalReadmissionReport(current.PlacementOf(h)!, current.Hospitals.TryGetValue(h, out var e) ? e.Hospital.Level : 0, _place.Rate(h)) { Days = _place.Days(h) });
        foreach (var region in reports.GroupBy(r => r.Placement.RegionId))
        {
            await GrainFactory.GetGrain<IReadmissionPeersGrain>(region.Key).ReportAsync([.. region], _place.Watermark);
        }

        HospitalPlacement PlacementOf(string hospitalId) => current.PlacementOf(hospitalId) ?? new HospitalPlacement(hospitalId, "", "", null);

        string? NameOf(string hospitalId) => current.Hospitals.TryGetValue(hospitalId, out var entry) ? entry.Hospital.Name : null;
    }
}
