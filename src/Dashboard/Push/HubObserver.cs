using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Monitoring.Dashboard.Alerts;
using Monitoring.Dashboard.Cases;
using Monitoring.Dashboard.Funds;
using Monitoring.Dashboard.Hubs;
using Monitoring.Publishing;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// This silo's end of the push: receives the cluster's batches and sends each document, one invocation per
/// document as the contract has it, to the groups of <see cref="MonitoringGroups"/> on this silo's connections.
/// Routing reads the envelope alone; no registry lookup on the way out.
/// </summary>
public sealed partial class HubObserver(IHubContext<MonitoringHub> hub, ILogger<HubObserver> logger) : IMonitoringHubObserver
{
    public async ValueTask DeliverAsync(Publication[] publications)
    {
        foreach (var publication in publications)
        {
            var groups = MonitoringGroups.For(publication);
            if (publication.Fund is { } status)
            {
                await hub.Clients.Groups(groups).SendAsync(MonitoringHub.FundMethod, FundSnapshot.Of(status));
                continue;
            }

            if (publication.Assessment is { } assessment)
            {
                await hub.Clients.Groups(groups).SendAsync(MonitoringHub.AssessmentMethod, assessment);
                continue;
            }

            if (publication.Case is { } notice)
            {
                await hub.Clients.Groups(groups).SendAsync(MonitoringHub.CaseMethod, CaseNoticeDocument.Of(notice));
                continue;
            }

            var alert = publication.Alert!;
            AlertDocument document;
            try
            {
                document = AlertDocument.Of(alert);
            }
            catch (JsonException e)
            {
                LogUnreadableEvidence(logger, e, alert.AlertId);
                continue;
            }

            await hub.Clients.Groups(groups).SendAsync(MonitoringHub.AlertMethod, document);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertId} not pushed: its evidence is not a JSON object")]
    private static partial void LogUnreadableEvidence(ILogger logger, Exception exception, string alertId);
}
