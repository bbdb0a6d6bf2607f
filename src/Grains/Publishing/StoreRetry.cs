using Microsoft.Extensions.Logging;

namespace Monitoring.Publishing;

/// <summary>
/// A write the system may not forget: tried until it succeeds. The caller's turn waits (a detector does not move on
/// while its finding is unstored), so an outage slows findings down and loses none; a crash meanwhile loses the turn
/// whole, and the detector raises the finding again when it rebuilds from the ledger.
/// </summary>
public static partial class StoreRetry
{
    public static async Task<T> UntilDoneAsync<T>(Func<Task<T>> write, DeliveryOptions options, ILogger logger, string what)
    {
        var delay = options.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Warn on the first failure and then sparingly: an outage of a minute is not a thousand stack traces.
                if (attempt == 1 || delay == options.LongestRetryDelay && attempt % 12 == 0)
                {
                    LogRetrying(logger, e, what, attempt, delay);
                }

                await Task.Delay(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.LongestRetryDelay.Ticks));
            }
        }
    }

    public static Task UntilDoneAsync(Func<Task> write, DeliveryOptions options, ILogger logger, string what) =>
        UntilDoneAsync(async () =>
        {
            await write();
            return true;
        }, options, logger, what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {What} (attempt {Attempt}); trying again in {Delay}, never giving up")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string what, int attempt, TimeSpan delay);
}
