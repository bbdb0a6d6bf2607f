using Microsoft.Extensions.Logging;
using Monitoring.Alerts;
using Monitoring.Funds.Snapshots;
using Monitoring.Publishing;

namespace Monitoring.Cases;

/// <summary>
/// The publishing door with cases behind it: an alert of a kind that opens a case by itself gets its case before it is
/// stored, so it is stored and pushed with its <c>caseId</c>; a withdrawal closes the undecided cases resting on what
/// was withdrawn. Whatever detector raised the alert, the case follows — a new claim-level finding needs only its kind
/// in <c>Monitoring:Cases:AutoOpenKinds</c>.
/// </summary>
public sealed partial class CaseOpeningPublisher(IPublisher inner, CaseOpener opener, ILogger<CaseOpeningPublisher> logger) : IPublisher
{
    public async Task RaiseAsync(IReadOnlyList<Alert> alerts)
    {
        var kinds = opener.AutoOpenKinds;
        var withCases = new List<Alert>(alerts.Count);
        foreach (var alert in alerts)
        {
            if (!CaseOpening.OpensByItself(alert, kinds))
            {
                withCases.Add(alert);
                continue;
            }

            try
            {
                // Idempotent: a finding re-raised by a replay finds its case and is then not stored again.
                var (opened, _) = await opener.OpenAsync(alert, CaseActor.System);
                withCases.Add(alert with { CaseId = opened.CaseId });
            }
            catch (Exception e)
            {
                // The alert matters more than its case: it goes out without one, and can still be opened by hand.
                LogOpenFailed(logger, e, alert.AlertId);
                withCases.Add(alert);
            }
        }

        await inner.RaiseAsync(withCases);
    }

    public async Task WithdrawAsync(IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason)
    {
        await inner.WithdrawAsync(alertIds, claimIds, reason);
        await opener.WithdrawAsync(alertIds, claimIds, reason);
    }

    /// <summary>A cleared budget level resolves alerts about a fund's pace, which no case rests on: passed through.</summary>
    public Task ResolveAsync(Alert cleared) => inner.ResolveAsync(cleared);

    public Task ResolveByCaseAsync(IReadOnlyCollection<string> alertIds, string reason) => inner.ResolveByCaseAsync(alertIds, reason);

    public void FundChanged(FundStatus status) => inner.FundChanged(status);

    [LoggerMessage(Level = LogLevel.Error, Message = "No case could be opened on alert {AlertId}; it is published without one")]
    private static partial void LogOpenFailed(ILogger logger, Exception exception, string alertId);
}
