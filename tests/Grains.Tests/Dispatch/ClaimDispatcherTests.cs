using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitoring.Claims;
using Monitoring.Dispatch;
using Monitoring.Ledger;
using Monitoring.Registry;

namespace Monitoring.Grains.Tests.Dispatch;

/// <summary>The dispatch with its detectors queued: the reply waits for the fund accounts only, and every consumer still gets every batch, in order.</summary>
public sealed class ClaimDispatcherTests
{
    private static readonly FundRegistry Registry = FundRegistry.Empty;

    /// <summary>Records the batches it is given; a gate lets a test hold it mid-batch.</summary>
    private sealed class RecordingConsumer(string name, bool actsBeforeReply) : ILedgerConsumer
    {
        public List<string> Seen { get; } = [];

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => name;

        public bool ActsBeforeReply => actsBeforeReply;

        public async Task ConsumeAsync(AdmittedBatch batch)
        {
            await Gate.Task;
            lock (Seen)
            {
                Seen.AddRange(batch.Entries.Select(e => e.Claim.ClaimId));
            }
        }
    }

    private static async Task<IReadOnlyList<LedgerEntry>> AppendAsync(InMemoryClaimsLedger ledger, string id) =>
        (await ledger.AppendAsync([new ClaimSubmission(0, new ClaimEvent
        {
            ClaimId = id, Kind = ClaimKind.Settlement, SettledAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
            HospitalId = "H1", PatientId = "P", FundPaid = 1,
        }, [1], "{}")])).Accepted;

    [Fact]
    public async Task Queued_detectors_do_not_hold_the_reply_and_still_see_every_batch_in_order()
    {
        var funds = new RecordingConsumer("fund accounts", actsBeforeReply: true);
        var detector = new RecordingConsumer("detector", actsBeforeReply: false);
        funds.Gate.SetResult();
        using var dispatcher = new ClaimDispatcher([funds, detector], Options.Create(new DispatchOptions { QueueDetectors = true, QueueBatches = 4 }),
            NullLogger<ClaimDispatcher>.Instance);
        var ledger = new InMemoryClaimsLedger();

        // The detector is held: the dispatch still returns, with the fund accounts done.
        foreach (var id in new[] { "A", "B", "C" })
        {
            await dispatcher.DispatchAsync(await AppendAsync(ledger, id), Registry).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(["A", "B", "C"], funds.Seen);
        Assert.Empty(detector.Seen);

        detector.Gate.SetResult();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (detector.Seen.Count < 3)
        {
            await Task.Delay(10, deadline.Token);
        }

        Assert.Equal(["A", "B", "C"], detector.Seen);
    }

    [Fact]
    public async Task A_full_queue_makes_the_dispatch_wait()
    {
        var detector = new RecordingConsumer("detector", actsBeforeReply: false);
        using var dispatcher = new ClaimDispatcher([detector], Options.Create(new DispatchOptions { QueueDetectors = true, QueueBatches = 1 }),
            NullLogger<ClaimDispatcher>.Instance);
        var ledger = new InMemoryClaimsLedger();

        // One batch taken by the held consumer, one in the queue: the third waits until the consumer moves.
        await dispatcher.DispatchAsync(await AppendAsync(ledger, "A"), Registry);
        await Task.Delay(100);
        await dispatcher.DispatchAsync(await AppendAsync(ledger, "B"), Registry);
        var third = dispatcher.DispatchAsync(await AppendAsync(ledger, "C"), Registry);
        await Task.Delay(200);
        Assert.False(third.IsCompleted);

        detector.Gate.SetResult();
        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task By_default_every_consumer_holds_the_reply()
    {
        var detector = new RecordingConsumer("detector", actsBeforeReply: false);
        using var dispatcher = new ClaimDispatcher([detector], Options.Create(new DispatchOptions()), NullLogger<ClaimDispatcher>.Instance);
        var dispatch = dispatcher.DispatchAsync(await AppendAsync(new InMemoryClaimsLedger(), "A"), Registry);
        await Task.Delay(100);
        Assert.False(dispatch.IsCompleted);

        detector.Gate.SetResult();
        await dispatch.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["A"], detector.Seen);
    }
}
