using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Monitoring.Dashboard.Security;

namespace Monitoring.Dashboard.Hubs;

/// <summary>
/// <c>/hubs/monitoring</c>: pushes <c>alert</c> and <c>fund</c> documents to dashboards and hospitals. Clients only
/// listen; what each receives is decided here from its token, never asked of the client.
/// </summary>
/// <remarks>
/// The Reader policy refuses a missing or forged token (401) and the ingest role (403) at negotiation already;
/// the check in <see cref="OnConnectedAsync"/> keeps the hub safe on its own should the policy ever be loosened.
/// </remarks>
[Authorize(Policy = MonitoringPolicies.Reader)]
public sealed partial class MonitoringHub(ILogger<MonitoringHub> logger) : Hub
{
    public const string Path = "/hubs/monitoring";

    /// <summary>Client method receiving one <see cref="Alerts.AlertDocument"/>.</summary>
    public const string AlertMethod = "alert";

    /// <summary>Client method receiving one <see cref="Funds.FundSnapshot"/>.</summary>
    public const string FundMethod = "fund";

    /// <summary>Client method receiving one <see cref="Cases.CaseNoticeDocument"/> when an inspection case moves.</summary>
    public const string CaseMethod = "case";

    /// <summary>Client method receiving one <see cref="Assessment.AssessmentNotice"/> when an alliance's assessment moves a step.</summary>
    public const string AssessmentMethod = "assessment";

    public override async Task OnConnectedAsync()
    {
        var scope = Context.User is { } user ? CallerScope.Of(user) : null;
        if (scope is null || MonitoringGroups.Of(scope) is not { } group)
        {
            LogRefused(logger, Context.ConnectionId, Context.User?.FindFirst(MonitoringClaimTypes.Role)?.Value);
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        LogJoined(logger, Context.ConnectionId, scope.Role, group);
        await base.OnConnectedAsync();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub connection {ConnectionId} ({Role}) joined group {Group}")]
    private static partial void LogJoined(ILogger logger, string connectionId, string role, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub connection {ConnectionId} refused: role {Role} with its scope receives nothing")]
    private static partial void LogRefused(ILogger logger, string connectionId, string? role);
}
