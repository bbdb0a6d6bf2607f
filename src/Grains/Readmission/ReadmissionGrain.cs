using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Publishing;
using Monitoring.Registry;

namespace Monitoring.Readmission;

/// <summary>
/// Keeps a place's recent stays (<see cref="StayWindow"/>), raises a split-hospitalization alert for every new suspect
/// pair and withdraws those a later claim undoes, and reports its hospitals' readmission counts to the region's peers.
/// No checkpoint: the window is a function of the last weeks of the ledger, so activation rebuilds it from there and
/// the alerts that rebuild re-finds are stored once by their pair-derived ids. Per-hospital cursors make a row
/// delivered both by the rebuild and by the dispatch that activated the grain count once.
/// </summary>
public sealed class ReadmissionGrain(
    IClaimsLedger ledger,
    RegistryCatalog registry,
    IPublisher publisher,
    IOptions<ReadmissionOptions> options,
    TimeProvider clock,
    ILogger<ReadmissionGrain> logger) : Grain, IReadmissionGrain
{
    private readonly Dictionary<string, long> _cursors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HospitalReadmissionCounts> _counts = new(StringComparer.Ordinal);
    private StayWindow _window = null!;
    private DateOnly _watermark;

    /// <summary>Why a pair's alert goes when a stay settled later falls between its two stays.</summary>
    public const string SupersededReason = "superseded-by-a-stay-between";

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var current = await registry.CurrentAsync();
        var countyId = current.Alliances.TryGetValue(Key, out var alliance) ? alliance.County.CountyId : current.PlacementOf(Key)?.CountyId;
        _window = new StayWindow(options.Value.For(countyId ?? ""));

        var hospitals = current.Alliances.ContainsKey(Key) ? [.. current.HospitalsOfAlliance(Key)] : new[] { Key };
        if (await ledger.LatestSettlementAsync(hospitals, cancellationToken) is not { } latest)
        {
            return;
        }

        var t = _window.Thresholds;
        var lookBack = Math.Max(t.RetentionDays + StayWindow.EvictionGraceDays, t.RateWindowDays);
        var rows = new List<LedgerEntry>();
        await foreach (var row in ledger.ReadRecentAsync(hospitals, latest.AddDays(-lookBack), cancellationToken))
        {
            rows.Add(row);
        }

        await ApplyAsync(rows, current);
        logger.LogDebug("Readmission window {Place} rebuilt from {Rows} ledger rows: {Patients} patients, {Stays} stays",
            Key, rows.Count, _window.Patients, _window.Stays);
    }

    public async Task RecordAsync(LedgerEntry[] rows) => await ApplyAsync(rows, await registry.CurrentAsync());

    public Task<ReadmissionWindowSize> GetSizeAsync() => Task.FromResult(new ReadmissionWindowSize(_window.Patients, _window.Stays));

    private async Task ApplyAsync(IReadOnlyList<LedgerEntry> rows, FundRegistry current)
    {
        var raised = new Dictionary<string, SuspiciousPair>(StringComparer.Ordinal);
        var withdrawn = new Dictionary<string, string>(StringComparer.Ordinal);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var movement = row.Movement;
            if (movement.HospitalSeq <= _cursors.GetValueOrDefault(movement.HospitalId))
            {
                continue;
            }

            _cursors[movement.HospitalId] = movement.HospitalSeq;
            if (BudgetClock.BudgetDate(movement.SettledAt) is var day && day > _watermark)
            {
                _watermark = day;
            }

            if (Change(row) is not { } changes)
            {
                continue;
            }

            touched.Add(movement.HospitalId);
            foreach (var pair in changes.Raised)
            {
                raised[pair.PairKey] = pair;
                withdrawn.Remove(pair.PairKey);
                Counts(pair.Second.HospitalId).Paired(BudgetClock.BudgetDate(pair.KnownAt));
                touched.Add(pair.Second.HospitalId);
            }

            foreach (var pair in changes.Withdrawn)
            {
                // A pair found and undone within one batch was never published: it simply goes.
                if (!raised.Remove(pair.PairKey))
                {
                    withdrawn[pair.PairKey] = row.Claim.Kind == ClaimKind.Reversal ? ReversedClaimsFeed.Reason : SupersededReason;
                }

                Counts(pair.Second.HospitalId).Paired(BudgetClock.BudgetDate(pair.KnownAt), -1);
            }
        }

        if (raised.Count > 0)
        {
            var now = clock.GetUtcNow();
            await publisher.RaiseAsync([.. raised.Values.Select(pair => ReadmissionAlerts.Pair(
                pair, PlacementOf(pair.Second.HospitalId, current), PlacementOf(pair.First.HospitalId, current), Name(current), now))]);
        }

        foreach (var byReason in withdrawn.GroupBy(w => w.Value, w => w.Key))
        {
            await publisher.WithdrawAsync([.. byReason.Select(ReadmissionAlerts.PairAlertId)], [], byReason.Key);
        }

        _window.Evict(_watermark);
        if (touched.Count > 0)
        {
            await ReportRatesAsync(touched, current);
        }
    }

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

            var reversed = _window.StaysOf(patient).FirstOrDefault(s => s.ClaimId == claim.ReversesClaimId);
            if (reversed is not null)
            {
                Counts(reversed.HospitalId).Discharged(reversed.SettledDay, -1);
            }

            return _window.Reverse(patient, claim.ReversesClaimId!);
        }

        if (claim.PatientId is not { } patientId || Stay.From(claim, _window.Codes) is not { } stay)
        {
            return null;
        }

        Counts(stay.HospitalId).Discharged(stay.SettledDay);
        return _window.Settle(patientId, stay);
    }

    private async Task ReportRatesAsync(IEnumerable<string> hospitals, FundRegistry current)
    {
        var reports = hospitals
            .Select(h => (Placement: current.PlacementOf(h), Level: current.Hospitals.TryGetValue(h, out var e) ? e.Hospital.Level : 0, Hospital: h))
            .Where(h => h.Placement is not null)
            .Select(h => new HospitalReadmissionReport(h.Placement!, h.Level, Counts(h.Hospital).Rate(_watermark)) { Days = Counts(h.Hospital).Days(_watermark) })
            .ToList();
        foreach (var region in reports.GroupBy(r => r.Placement.RegionId))
        {
            await GrainFactory.GetGrain<IReadmissionPeersGrain>(region.Key).ReportAsync([.. region], _watermark);
        }
    }

    private HospitalReadmissionCounts Counts(string hospitalId)
    {
        if (!_counts.TryGetValue(hospitalId, out var counts))
        {
            _counts[hospitalId] = counts = new HospitalReadmissionCounts(_window.Thresholds.RateWindowDays);
        }

        return counts;
    }

    private HospitalPlacement PlacementOf(string hospitalId, FundRegistry current) =>
        current.PlacementOf(hospitalId) ?? new HospitalPlacement(hospitalId, "", "", null);

    private static Func<string, string?> Name(FundRegistry current) =>
        hospitalId => current.Hospitals.TryGetValue(hospitalId, out var entry) ? entry.Hospital.Name : null;
}
