using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Monitoring.Demo;
using Monitoring.Registry;
using Monitoring.Silo.Ingest;

namespace Monitoring.Silo.Demo;

/// <summary>
/// Plays the demo year into the embedded host in compressed time: every <see cref="DemoOptions.BatchInterval"/> it
/// posts, through the same ingestion as <c>POST /api/claims</c>, the claims whose settlement time the simulated clock
/// has passed. At the year end it puts the next fund year's registry in force and plays that year, unless
/// <see cref="DemoOptions.Loop"/> is off: fund accounts, pace and reports all count by fund year, so the new year starts
/// from nothing and the old year's figures stay as they ended (and stay readable in the ledger). A failed batch is logged and tried again on the next tick: the demo must
/// never take the host down, and a re-sent claim is only a duplicate.
/// </summary>
public sealed partial class DemoFeed(
    ClaimIngestion ingestion, RegistryCatalog registry, IOptions<DemoOptions> options, ILogger<DemoFeed> logger)
    : BackgroundService
{
    /// <summary>The contract's limit on one batch of <c>POST /api/claims</c>; the feed keeps to it as any client would.</summary>
    private const int MaxBatch = 10_000;

    /// <summary>The last fund year the registry accepts (<c>fundYear</c> 2000–2100).</summary>
    private const int LastFundYear = 2100;

    /// <summary>How many rejections of one batch to quote in the log; the count says the rest.</summary>
    private const int QuotedRejections = 3;

    /// <summary>Where the simulated clock is after <paramref name="elapsed"/> wall time, <paramref name="yearMinutes"/> minutes a year.</summary>
    public static DateTimeOffset SimulatedNow(DateTimeOffset yearStart, double yearMinutes, TimeSpan elapsed)
    {
        var yearLength = yearStart.AddYears(1) - yearStart;
        var fraction = elapsed.TotalMinutes / yearMinutes;
        return fraction >= 1 ? yearStart.AddYears(1) : yearStart + (yearLength * fraction);
    }

    /// <summary>The share of the year gone when it opens in the given month (0 for January).</summary>
    public static double OpenedShare(DateTimeOffset yearStart, int openAtMonth) =>
        (yearStart.AddMonths(openAtMonth - 1) - yearStart) / (yearStart.AddYears(1) - yearStart);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        try
        {
            await PlayAsync(demo, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(logger);
        }
        catch (Exception e)
        {
            // Only planning the year can fail here (each tick catches its own); the host serves on without a feed.
            LogGaveUp(logger, e);
        }
    }

    /// <summary>The years the feed plays: the configured one, then (looping) each next one up to the last year a registry accepts.</summary>
    public static IEnumerable<int> Years(int firstYear, bool loop) =>
        loop ? Enumerable.Range(firstYear, LastFundYear - firstYear + 1) : [firstYear];

    private async Task PlayAsync(DemoOptions demo, CancellationToken stoppingToken)
    {
        foreach (var year in Years(demo.FundYear, demo.Loop))
        {
            if (year != demo.FundYear)
            {
                // The next year's registry first: its accounts, budgets and pace then exist before its first claim.
                var next = await registry.ReplaceAsync(JsonSerializer.Serialize(DemoPrefecture.Build(demo.Seed, year), RegistrySeeder.DocumentJson));
                LogNewYear(logger, next.FundYear);
            }

            await PlayYearAsync(demo, year, stoppingToken);
        }
    }

    private async Task PlayYearAsync(DemoOptions demo, int fundYear, CancellationToken stoppingToken)
    {
        var scenario = DemoPrefecture.Plan(demo.Seed, fundYear);
        if (demo.PlantBudget)
        {
            scenario = BudgetPlanting.Plant(scenario, fundYear).Scenario;
        }

        var stream = new DemoClaimStream(scenario, demo.Seed, demo.ClaimsPerYear, demo.PlantSplits, demo.PlantLowThreshold, demo.PlantUpcoding);
        LogStarting(logger, fundYear, demo.ClaimsPerYear, demo.YearMinutes, demo.Seed);

        using var claims = stream.Claims().GetEnumerator();
        var next = claims.MoveNext() ? claims.Current : null;
        var pending = new List<JsonElement>();
        var totals = new FeedTotals();
        var reportedMonth = 0;
        // Opening mid-year: the clock starts as if the months before had already been played (their claims go at once).
        var opened = fundYear == demo.FundYear ? OpenedShare(stream.YearStart, demo.OpenAtMonth) : 0;
        var started = Stopwatch.GetTimestamp() - (long)(opened * demo.YearMinutes * 60 * Stopwatch.Frequency);
        using var timer = new PeriodicTimer(demo.BatchInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = SimulatedNow(stream.YearStart, demo.YearMinutes, Stopwatch.GetElapsedTime(started));
            try
            {
                while (next is not null && DemoClaimStream.SettledAtOf(next) <= now)
                {
                    pending.Add(JsonSerializer.SerializeToElement(next, DemoJson.Compact));
                    next = claims.MoveNext() ? claims.Current : null;
                }

                await PostAsync(pending, totals, now, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogTickFailed(logger, e);
                continue;
            }

            if (next is null && pending.Count == 0)
            {
                LogFinished(logger, fundYear, totals.Sent, totals.Accepted, totals.Duplicates, totals.Rejected);
                return;
            }

            if (now.Month != reportedMonth)
            {
                reportedMonth = now.Month;
                LogProgress(logger, now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), totals.Sent, totals.Accepted, totals.Duplicates, totals.Rejected);
            }
        }
    }

    /// <summary>Posts what is pending, in contract-sized batches; what fails stays pending for the next tick.</summary>
    private async Task PostAsync(List<JsonElement> pending, FeedTotals totals, DateTimeOffset simulatedNow, CancellationToken cancellationToken)
    {
        while (pending.Count > 0)
        {
            var batch = pending.Take(MaxBatch).ToList();
            IngestReply reply;
            try
            {
                reply = await ingestion.IngestAsync(batch, cancellationToken, simulatedNow);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogBatchFailed(logger, e, batch.Count);
                return;
            }

            pending.RemoveRange(0, batch.Count);
            totals.Add(batch.Count, reply);
            if (reply.Rejected.Count > 0)
            {
                // The generator promises valid claims: a rejection here is a bug in the demo or in validation.
                var quoted = string.Join(" | ", reply.Rejected.Take(QuotedRejections)
                    .Select(r => $"{r.ClaimId}: {string.Join("; ", r.Errors)}"));
                LogRejected(logger, reply.Rejected.Count, batch.Count, quoted);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feed is disabled (Monitoring:Demo:Enabled = false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo feed starting: fund year {FundYear}, {ClaimsPerYear} claims over {YearMinutes} minutes (seed {Seed})")]
    private static partial void LogStarting(ILogger logger, int fundYear, int claimsPerYear, double yearMinutes, int seed);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo feed at {SimulatedDate}: {Sent} claims sent, {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected")]
    private static partial void LogProgress(ILogger logger, string simulatedDate, long sent, long accepted, long duplicates, long rejected);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Demo feed: {Rejected} of {BatchSize} claims rejected, which the demo never means to send: {Errors}")]
    private static partial void LogRejected(ILogger logger, int rejected, int batchSize, string errors);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo feed: a batch of {BatchSize} claims failed; it is tried again on the next tick")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int batchSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo feed: a tick failed; the feed carries on at the next one")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo feed finished fund year {FundYear}: {Sent} claims sent, {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected")]
    private static partial void LogFinished(ILogger logger, int fundYear, long sent, long accepted, long duplicates, long rejected);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo feed: the registry of fund year {FundYear} is in force; the new year starts from nothing")]
    private static partial void LogNewYear(ILogger logger, int fundYear);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo feed stopped with the host")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo feed could not plan its year and stops; the host carries on without it")]
    private static partial void LogGaveUp(ILogger logger, Exception exception);

    private sealed class FeedTotals
    {
        public long Sent { get; private set; }

        public long Accepted { get; private set; }

        public long Duplicates { get; private set; }

        public long Rejected { get; private set; }

        public void Add(int sent, IngestReply reply)
        {
            Sent += sent;
            Accepted += reply.Accepted;
            Duplicates += reply.Duplicates;
            Rejected += reply.Rejected.Count;
        }
    }
}
