using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.CaseMix;
using Monitoring.Claims;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Publishing;
using Monitoring.Registry;
using Monitoring.Watch;

namespace Monitoring.Upcoding;

/// <summary>
/// One hospital's coding watch: keeps its cases of the fund year (<see cref="HospitalCoding"/>), and each time a
/// settlement week ends asks <see cref="CodingChange"/> where its coding stands and publishes the steps not yet
/// published. On a timer it sends its summary to the region (<see cref="ICaseMixGrain"/>) and keeps the peers' shares
/// it gets back for the evidence. No checkpoint: the book is a function of the year's ledger rows, which the watch
/// rebuilds it from; the alerts the rebuild re-finds carry the same ids and are stored once.
/// </summary>
public sealed class UpcodingGrain(
    IClaimsLedger ledger,
    RegistryCatalog registry,
    IPublisher publisher,
    IOptions<UpcodingOptions> options,
    IOptions<CheckpointOptions> catchUp,
    TimeProvider clock,
    ILogger<UpcodingGrain> logger) : WatchGrain(ledger, registry, catchUp, logger), IUpcodingGrain
{
    private HospitalCoding _coding = null!;
    private CodingChangeTrace? _trace;
    private PeerShares _peers = PeerShares.None;

    /// <summary>The region was (re)activated and holds nothing: the next timer tick sends the summary again.</summary>
    public Task WakeAsync()
    {
        _coding.SummaryDirty = _coding.Book.Cases > 0;
        return Task.CompletedTask;
    }

    public Task<UpcodingStanding> GetStandingAsync() => Task.FromResult(new UpcodingStanding(
        Key, _coding.ClosedWeeks, _trace?.Level ?? UpcodingLevel.None, _trace?.Track.Statistic ?? 0,
        _trace?.Track.OnsetPeriod is { } onset ? _coding.Book.WeekStart(onset) : null, (int)_coding.Book.Cases));

    protected override string Size => $"{_coding.Book.Cases} cases in {_coding.Book.Entries} counters, {_coding.ClosedWeeks} closed weeks";

    /// <summary>The book is of one fund year: a new year starts the watch again, so its indicators start from zero.</summary>
    protected override bool Outlived(FundRegistry current) => current.FundYear != _coding.Book.FundYear;

    protected override IReadOnlyCollection<string> HospitalsOf(FundRegistry current) => [Key];

    protected override void Start(FundRegistry current)
    {
        _coding = new HospitalCoding(current.FundYear, options.Value);
        this.RegisterGrainTimer(ReportAsync, new GrainTimerCreationOptions(options.Value.SummaryInterval, options.Value.SummaryInterval));
    }

    protected override DateTimeOffset RebuildFrom(DateTimeOffset latest, FundRegistry current) =>
        new(current.FundYear, 1, 1, 0, 0, 0, BudgetClock.ChinaOffset);

    protected override async ValueTask TakeAsync(LedgerEntry row) =>
        _coding.Take(row.Claim, row.Claim.Kind == ClaimKind.Reversal ? await ReversedByAsync(row.Claim) : null);

    /// <summary>Traces the closed weeks again when they changed, and publishes the steps not published yet.</summary>
    protected override async Task JudgeAsync(DateTimeOffset watermark, FundRegistry current)
    {
        if (current.PlacementOf(Key) is not { } place || _coding.TraceIfChanged() is not { } trace)
        {
            return;
        }

        _trace = trace;
        var now = clock.GetUtcNow();
        var name = current.Hospitals.TryGetValue(Key, out var entry) ? entry.Hospital.Name : null;

        // Only a step not yet published is worded: its examples are read back from the ledger, since the onset.
        var fresh = new List<Alert>();
        foreach (var (step, onset) in _coding.Unpublished(Key, trace).ToList())
        {
            var taken = await SettledSinceAsync(new DateTimeOffset(onset.ToDateTime(TimeOnly.MinValue), BudgetClock.ChinaOffset), current);
            fresh.Add(UpcodingAlerts.Of(_coding.Finding(step, onset, _peers, taken), place, name, options.Value, now));
        }

        if (fresh.Count > 0)
        {
            await publisher.RaiseAsync(fresh);
        }
    }

    /// <summary>Sends the hospital's summary to its region when it changed, and keeps the peers' shares it answers with.</summary>
    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        if (!_coding.SummaryDirty)
        {
            return;
        }

        var current = await Registry.CurrentAsync();
        if (Outlived(current) || current.PlacementOf(Key) is not { } place || !current.Hospitals.TryGetValue(Key, out var entry))
        {
            return;
        }

        _coding.SummaryDirty = false;
        var summary = new HospitalCaseMixSummary(Key, entry.Hospital.Level, _coding.Book.Months(), _coding.LatestDay) { FundYear = _coding.Book.FundYear };
        _peers = await GrainFactory.GetGrain<ICaseMixGrain>(place.RegionId).ReportAsync(summary);
    }
}
