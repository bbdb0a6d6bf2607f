using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitoring.Alerts;
using Monitoring.Ledger;

namespace Monitoring.Cases;

/// <summary>
/// Opens cases on alerts (by themselves for the kinds in <see cref="CasesOptions.AutoOpenKinds"/>, or at a person's
/// request) and withdraws the undecided cases whose finding was withdrawn. Each opening and each withdrawal is pushed.
/// </summary>
public sealed partial class CaseOpener(
    ICaseStore store,
    IClaimsLedger ledger,
    ICaseNotices notices,
    IOptions<CasesOptions> options,
    TimeProvider clock,
    ILogger<CaseOpener> logger)
{
    public IReadOnlyList<string> AutoOpenKinds => options.Value.EffectiveAutoOpenKinds;

    /// <summary>Opens the case of this alert, or returns the one already open on it.</summary>
    public async Task<(InspectionCase Case, bool Opened)> OpenAsync(Alert alert, CaseActor by, string? note = null, CancellationToken cancellationToken = default)
    {
        var caseId = CaseOpening.CaseIdOf(alert.AlertId);
        if (await store.GetAsync(caseId, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        var claims = await ledger.ReadClaimsAsync(alert.ClaimIds, cancellationToken);
        var reversed = claims.Where(c => c.ReversedBy is not null).Select(c => c.Entry.Claim.ClaimId).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var opened = CaseOpening.Open(alert, [.. claims.Select(c => c.Entry)], reversed, by, note, now, options.Value.Rules);
        var (stored, added) = await store.AddAsync(opened, cancellationToken);
        if (added)
        {
            LogOpened(logger, stored.CaseId, stored.Kind, stored.HospitalId, stored.AmountAtStake, by.Name);
            notices.CaseChanged(CaseNotice.Of(stored, CaseActions.Opened, now));
        }

        return (stored, added);
    }

    /// <summary>Closes as withdrawn every undecided case resting on these alerts or claims.</summary>
    public async Task WithdrawAsync(IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason, CancellationToken cancellationToken = default)
    {
        foreach (var standing in await store.UndecidedRestingOnAsync(alertIds, claimIds, cancellationToken))
        {
            // Re-read and retry on a concurrent change: a withdrawal must not be lost because an inspector acted meanwhile.
            for (var current = standing; current is not null; current = await store.GetAsync(current.CaseId, cancellationToken))
            {
                var now = clock.GetUtcNow();
                if (CaseWorkflow.Withdraw(current, reason, now) is not { } withdrawn)
                {
                    break;
                }

                if (await store.SaveAsync(withdrawn, current.Version, cancellationToken))
                {
                    LogWithdrawn(logger, withdrawn.CaseId, reason);
                    notices.CaseChanged(CaseNotice.Of(withdrawn, CaseActions.Withdraw, now));
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} opened ({Kind}) against {HospitalId}, {AmountAtStake} yuan at stake, by {By}")]
    private static partial void LogOpened(ILogger logger, string caseId, string kind, string hospitalId, decimal amountAtStake, string by);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} withdrawn: {Reason}")]
    private static partial void LogWithdrawn(ILogger logger, string caseId, string reason);
}
