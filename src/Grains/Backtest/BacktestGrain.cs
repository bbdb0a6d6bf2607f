using Microsoft.Extensions.Logging;
using Monitoring.Registry;
using Monitoring.Rules;
using Monitoring.Storage;

namespace Monitoring.Backtest;

/// <summary>
/// Runs one backtest off the grain's turn (a year of a prefecture is seconds of replay, and the progress must answer
/// meanwhile) and stores how it stands: its request when it starts, its outcome when it ends. A backtest whose silo
/// died while it ran starts over on its next activation; it only reads the ledger, so running it again is harmless.
/// </summary>
public sealed partial class BacktestGrain(
    [PersistentState("backtest", GrainStorage.FundState)] IPersistentState<BacktestReportState> state,
    IEnumerable<IRuleBacktest> backtests,
    RegistryCatalog registry,
    TimeProvider clock,
    ILogger<BacktestGrain> logger) : Grain, IBacktestGrain
{
    /// <summary>Longer than any backtest of a province's year; the grain stays active until it has stored the outcome.</summary>
    private static readonly TimeSpan RunAtMost = TimeSpan.FromHours(1);

    private readonly CancellationTokenSource _stopping = new();
    private double _progress;
    private long _rowsRead;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Report is { Status: BacktestStatus.Running } interrupted)
        {
            Run(interrupted.Request);
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public async Task<BacktestReport> StartAsync(BacktestRequest request)
    {
        if (state.State.Report is { } known)
        {
            return Now(known);
        }

        state.State.Report = new BacktestReport { Request = request, Status = BacktestStatus.Running, StartedAt = clock.GetUtcNow() };
        await state.WriteStateAsync();
        Run(request);
        return state.State.Report;
    }

    public Task<BacktestReport?> GetAsync() => Task.FromResult(state.State.Report is { } report ? Now(report) : null);

    private BacktestReport Now(BacktestReport report) => report.Status == BacktestStatus.Running
        ? report with { Progress = Volatile.Read(ref _progress), RowsRead = Volatile.Read(ref _rowsRead) }
        : report;

    private void Run(BacktestRequest request)
    {
        DelayDeactivation(RunAtMost);
        _ = RunAsync(request);
    }

    private async Task RunAsync(BacktestRequest request)
    {
        var report = state.State.Report!;
        try
        {
            var library = await GrainFactory.GetGrain<IRuleLibraryGrain>(0).GetAsync();
            // The places and names of the period's fund year, as the live watches had them then.
            var current = await registry.OfYearAsync(request.From.Year) ?? await registry.CurrentAsync();
            // Off the grain's scheduler: the replay is CPU work, and reads of the progress must not wait behind it.
            var backtest = backtests.FirstOrDefault(b => b.RuleId == request.RuleId)
                ?? throw new InvalidOperationException($"no backtest is built for {request.RuleId}");
            var outcome = await Task.Run(() => backtest.RunAsync(request, library, current, (done, read) =>
            {
                Volatile.Write(ref _progress, done);
                Volatile.Write(ref _rowsRead, read);
            }, _stopping.Token));
            report = report with { Status = BacktestStatus.Done, Progress = 1, RowsRead = _rowsRead, FinishedAt = clock.GetUtcNow(), Outcome = outcome };
            LogDone(logger, this.GetPrimaryKeyString(), request.RuleId, request.Version, _rowsRead, report.FinishedAt!.Value - report.StartedAt);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return; // deactivating: the stored report still says running, so the next activation runs it again
        }
        catch (Exception e)
        {
            LogFailed(logger, e, this.GetPrimaryKeyString());
            report = report with { Status = BacktestStatus.Failed, RowsRead = _rowsRead, FinishedAt = clock.GetUtcNow(), Error = e.Message };
        }

        state.State.Report = report;
        await state.WriteStateAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest {Id} of {RuleId} version {Version}: {Rows} ledger rows replayed in {Elapsed}")]
    private static partial void LogDone(ILogger logger, string id, string ruleId, int version, long rows, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backtest {Id} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string id);
}

[GenerateSerializer]
public sealed class BacktestReportState
{
    [Id(0)] public BacktestReport? Report { get; set; }
}
