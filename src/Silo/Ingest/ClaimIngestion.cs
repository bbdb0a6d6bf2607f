using System.Diagnostics;
using System.Text.Json;
using Monitoring.Claims;
using Monitoring.Dispatch;
using Monitoring.Ledger;
using Monitoring.Registry;
using Monitoring.Telemetry;

namespace Monitoring.Silo.Ingest;

/// <summary>
/// The flow of one batch: judge each event alone, append the valid ones to the ledger (durable before anything
/// else happens), then dispatch the new rows to the fund grains. Used by the HTTP endpoint and the demo feed alike.
/// </summary>
public sealed class ClaimIngestion(
    IClaimsLedger ledger,
    RegistryCatalog registry,
    ClaimDispatcher dispatcher,
    MonitoringMetrics metrics)
{
    public Task<IngestReply> IngestAsync(IReadOnlyList<JsonElement> events, CancellationToken cancellationToken) =>
        IngestAsync(events.Select((e, i) => ClaimBatchItem.Parsed(i, e)).ToList(), cancellationToken);

    public async Task<IngestReply> IngestAsync(IReadOnlyList<ClaimBatchItem> batch, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var current = await registry.CurrentAsync();
        var rejected = new List<RejectedClaim>();
        var submissions = new List<ClaimSubmission>(batch.Count);
        foreach (var item in batch)
        {
            if (item.ParseError is { } parseError)
            {
                rejected.Add(new RejectedClaim(item.Index, null, [parseError]));
                continue;
            }

            var verdict = ClaimValidator.Validate(item.Event, current.IsRegistered);
            if (!verdict.IsValid)
            {
                rejected.Add(new RejectedClaim(item.Index, ClaimIdOf(item.Event), verdict.Errors));
                continue;
            }

            submissions.Add(new ClaimSubmission(item.Index, verdict.Claim!, ClaimFingerprint.Of(item.Event), item.Event.GetRawText()));
        }

        var appended = submissions.Count == 0
            ? new LedgerAppendResult([], 0, [])
            : await ledger.AppendAsync(submissions, cancellationToken);
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

    private static string? ClaimIdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("claimId", out var id)
        && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
}
