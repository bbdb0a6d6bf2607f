using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Monitoring.Alerts;
using Monitoring.Cases;
using Monitoring.Dashboard.Alerts;
using Monitoring.Dashboard.Cases;
using Monitoring.Dashboard.Funds;
using Monitoring.Dashboard.Hubs;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// This silo's end of the push: receives the cluster's batches and sends each document, one invocation per
/// document as the contract has it, to the groups of <see cref="MonitoringGroups"/> on this silo's connections.
/// Routing reads the envelope alone; no registry lookup on the way out.
/// </summary>
/// <remarks>
/// The batch's sends are all started in order and awaited together: awaiting each in turn held every connection of
/// the silo behind the slowest one for every document. SignalR queues each connection's writes in the order they are
/// started, so a connection still receives the documents in the batch's order.
/// </remarks>
public sealed partial class HubObserver(IHubContext<MonitoringHub> hub, ILogger<HubObserver> logger) : IMonitoringHubObserver
{
    public async ValueTask DeliverAsync(Publication[] publications)
    {
        var sends = new List<Task>(publications.Length + 1);
        foreach (var publication in publications)
        {
            var officials = MonitoringGroups.Officials(publication);
            var hospital = MonitoringGroups.HospitalOf(publication);
            if (publication.Fund is { } status)
            {
                sends.Add(hub.Clients.Groups(MonitoringGroups.For(publication)).SendAsync(MonitoringHub.FundMethod, FundSnapshot.Of(status)));
                continue;
            }

            if (publication.Assessment is { } assessment)
            {
                sends.Add(hub.Clients.Groups(MonitoringGroups.For(publication)).SendAsync(MonitoringHub.AssessmentMethod, assessment));
                continue;
            }

            if (publication.Case is { } notice)
            {
                // Who works the case and an inspector's own steps are the office's business (REST hides them too).
                var document = CaseNoticeDocument.Of(notice);
                sends.Add(hub.Clients.Groups(CaseActions.IsInternal(notice.Event) || hospital is null ? officials : [.. officials, hospital])
                    .SendAsync(MonitoringHub.CaseMethod, document));
                continue;
            }

            var alert = publication.Alert!;
            AlertDocument stored, seenByHospital;
            try
            {
                stored = AlertDocument.Of(alert);
                seenByHospital = AlertDocument.Of(HospitalAlertView.For(alert));
            }
            catch (JsonException e)
            {
                LogUnreadableEvidence(logger, e, alert.AlertId);
                continue;
            }

            // A hospital connection is sent its own view, never the stored document (an official's note, the other
            // member's stay of a split pair).
            sends.Add(hub.Clients.Groups(officials).SendAsync(MonitoringHub.AlertMethod, stored));
            if (hospital is not null)
            {
                sends.Add(hub.Clients.Group(hospital).SendAsync(MonitoringHub.AlertMethod, seenByHospital));
            }
        }

        await Task.WhenAll(sends);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertId} not pushed: its evidence is not a JSON object")]
    private static partial void LogUnreadableEvidence(ILogger logger, Exception exception, string alertId);
}
