using Monitoring.Cases;

namespace Monitoring.Silo;

/// <summary>
/// At start-up, books every case decision's money that is not yet in the ledger: a decision is stored before its
/// booking, so a process that died between the two left a decision without its money. Booking is idempotent, so
/// the bookings already made are duplicates and change nothing.
/// </summary>
public sealed partial class CaseBookingsCheck(ICaseStore cases, RecoveryLedger money, ILogger<CaseBookingsCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var decided = await cases.WithBookingsAsync(cancellationToken);
        foreach (var c in decided)
        {
            await money.BookAsync(c, cancellationToken);
        }

        if (decided.Count > 0)
        {
            LogChecked(logger, decided.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked the ledger bookings of {Cases} decided cases")]
    private static partial void LogChecked(ILogger logger, int cases);
}
