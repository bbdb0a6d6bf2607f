using Microsoft.Extensions.Options;
using Monitoring.Cases;

namespace Monitoring.Silo;

/// <summary>
/// Books every case decision's money that is not yet in the ledger: a decision is stored before its booking, so a
/// process that died, or a ledger that failed, between the two left a decision without its money. Once before the host
/// serves (so a restarted host's balances already count it), then every <see cref="CasesOptions.BookingCheckInterval"/>.
/// Booking is idempotent, so silos checking at once book nothing twice.
/// </summary>
public sealed partial class CaseBookingsCheck(ICaseStore cases, RecoveryLedger money, IOptions<CasesOptions> options, ILogger<CaseBookingsCheck> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _periodic = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckAsync(cancellationToken);
        _periodic = CheckPeriodicallyAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _periodic.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task CheckPeriodicallyAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.Value.BookingCheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await CheckAsync(stopping);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var decided = await cases.WithBookingsAsync(cancellationToken);
        var booked = decided.Count == 0 ? 0 : await money.BookMissingAsync(decided, cancellationToken);
        if (booked > 0)
        {
            LogBooked(logger, booked);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booked the money of {Cases} case decisions that the ledger did not hold yet")]
    private static partial void LogBooked(ILogger logger, int cases);

    [LoggerMessage(Level = LogLevel.Error, Message = "The case bookings check failed; it runs again at its next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
