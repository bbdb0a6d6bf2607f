using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Monitoring.Claims;
using Monitoring.Dispatch;
using Monitoring.Ledger;
using Monitoring.Registry;
using Monitoring.Telemetry;

namespace Monitoring.Silo.Ingest;

/// <summary>
/// The flow of one batch: judge each event alone, append the valid ones to the ledger (durable before anything
/// else happens), then dispatch the new rows to the fund grains. Used by the HTTP endpoint and the demo feed alike.
/// One event never costs its neighbours: whatever one event does to validation, the fingerprint or the ledger's
/// store is that event's refusal alone.
/// </summary>
public sealed partial class ClaimIngestion(
    IClaimsLedger ledger,
    RegistryCatalog registry,
    ClaimDispatcher dispatcher,
    MonitoringMetrics metrics,
    IOptions<IngestOptions> options,
    TimeProvider clock,
    ILogger<ClaimIngestion> logger)
{
    /// <param name="agencyNow">The agency's clock when it is not this host's (the demo's simulated year); now otherwise.</param>
    public Task<IngestReply> IngestAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken, DateTimeOffset? agencyNow = null) =>
        IngestAsync(events.Select((e, i) => ClaimBatchItem.Parsed(i, e)).ToList(), cancellationToken, agencyNow);

    public async Task<IngestReply> IngestAsync(IReadOnlyList<ClaimBatchItem> batch, CancellationToken cancellationToken, DateTimeOffset? agencyNow = null)
    {
        var started = Stopwatch.GetTimestamp();
        var current = await registry.CurrentAsync();
        var window = current.FundYear > 0
            ? new SettlementWindow(current.FundYear, agencyNow ?? clock.GetUtcNow(), options.Value.MaxAheadOfClock)
            : null; // no registry yet: every hospital is unknown, and that is the reason given
        var rejected = new List<RejectedClaim>();
        var submissions = new List<ClaimSubmission>(batch.Count);
        foreach (var item in batch)
        {
            if (item.ParseError is { } parseError)
            {
                rejected.Add(new RejectedClaim(item.Index, null, [parseError]));
                continue;
            }

            try
            {
                var verdict = ClaimValidator.Validate(item.Event, current.IsRegistered, window);
                if (!verdict.IsValid)
                {
                    rejected.Add(new RejectedClaim(item.Index, ClaimIdOf(item.Event), verdict.Errors));
                    continue;
                }

                submissions.Add(new ClaimSubmission(item.Index, verdict.Claim!, ClaimFingerprint.Of(item.Event), item.Event.GetRawText()));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
            {
                // Validation is meant to leave nothing that throws here; if something still does, it is this event's alone.
                LogEventUnreadable(logger, e, item.Index);
                rejected.Add(new RejectedClaim(item.Index, null, [$"the event could not be read: {e.Message} (事件无法读取)"]));
            }
        }

        var appended = submissions.Count == 0
            ? new LedgerAppendResult([], 0, [])
            : await AppendIsolatingAsync(submissions, cancellationToken);
        rejected.AddRange(appended.Rejected.Select(RejectedClaim.From));
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));

        if (appended.Accepted.Count > 0)
        {
            // The rows are durable; a consumer that fails logs it and catches up from the ledger.
            await dispatcher.DispatchAsync(appended.Accepted, current);
        }

        metrics.BatchIngested(appended.Accepted.Count, appended.Duplicates, rejected.Count, Stopwatch.GetElapsedTime(started));
        return new IngestReply(appended.Accepted.Count, appended.Duplicates, rejected);
    }

    /// <summary>
    /// Appends the batch; when the store refuses its data, halves it until the event responsible stands alone and is
    /// refused with the store's reason. Each append is one transaction in batch order, so the halves keep the batch's
    /// meaning (a reversal after its settlement) and nothing is written twice.
    /// </summary>
    private async Task<LedgerAppendResult> AppendIsolatingAsync(IReadOnlyList<ClaimSubmission> submissions, CancellationToken cancellationToken)
    {
        try
        {
            return await ledger.AppendAsync(submissions, cancellationToken);
        }
        catch (LedgerRefusedDataException e) when (submissions.Count == 1)
        {
            LogEventRefusedByStore(logger, e, submissions[0].Index);
            return new LedgerAppendResult([], 0,
                [new ClaimRejection(submissions[0].Index, submissions[0].Claim.ClaimId, [$"the ledger cannot store this event: {e.Message} (账本无法保存此事件)"])]);
        }
        catch (LedgerRefusedDataException)
        {
            var half = submissions.Count / 2;
            var first = await AppendIsolatingAsync([.. submissions.Take(half)], cancellationToken);
            var second = await AppendIsolatingAsync([.. submissions.Skip(half)], cancellationToken);
            return new LedgerAppendResult([.. first.Accepted, .. second.Accepted], first.Duplicates + second.Duplicates, [.. first.Rejected, .. second.Rejected]);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {Index} of a batch threw after validation; refused alone")]
    private static partial void LogEventUnreadable(ILogger logger, Exception e, int index);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ledger's store refused event {Index} after validation had passed it; refused alone")]
    private static partial void LogEventRefusedByStore(ILogger logger, Exception e, int index);

    private static string? ClaimIdOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("claimId", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return id.GetString();
        }
        catch (InvalidOperationException)
        {
            return null; // an id that is not text cannot be echoed; the reason says why
        }
    }
}
