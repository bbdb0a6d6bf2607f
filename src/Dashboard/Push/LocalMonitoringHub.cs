using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Monitoring.Alerts;
using Monitoring.Dashboard.Alerts;
using Monitoring.Dashboard.Funds;
using Monitoring.Dashboard.Hubs;
using Monitoring.Funds;
using Monitoring.Registry;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// This silo's end of the push: receives the cluster's batches and sends each document, one invocation per
/// document as the contract has it, to the groups of <see cref="MonitoringGroups"/> on this silo's connections.
/// </summary>
public sealed partial class LocalMonitoringHub(
    IHubContext<MonitoringHub> hub,
    RegistryCatalog catalog,
    ILogger<LocalMonitoringHub> logger) : IMonitoringHubObserver
{
    public async ValueTask AlertsAsync(Alert[] alerts)
    {
        var registry = await RegistryAsync();
        foreach (var alert in alerts)
        {
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

            string? regionId = null;
            if (registry?.Counties.TryGetValue(alert.CountyId, out var county) == true)
            {
                regionId = county.Region.RegionId;
            }
            else
            {
                LogUnknownCounty(logger, alert.AlertId, alert.CountyId);
            }

            await hub.Clients.Groups(MonitoringGroups.ForAlert(alert, regionId)).SendAsync(MonitoringHub.AlertMethod, document);
        }
    }

    public async ValueTask FundsAsync(FundStatus[] statuses)
    {
        foreach (var status in statuses)
        {
            await hub.Clients.Groups(MonitoringGroups.ForFund(status)).SendAsync(MonitoringHub.FundMethod, FundSnapshot.Of(status));
        }
    }

    private async Task<FundRegistry?> RegistryAsync()
    {
        try
        {
            return await catalog.CurrentAsync();
        }
        catch (Exception e)
        {
            // Better that county, hospital and admin views get the alert without the region than nobody at all.
            LogRegistryUnavailable(logger, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertId} not pushed: its evidence is not a JSON object")]
    private static partial void LogUnreadableEvidence(ILogger logger, Exception exception, string alertId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} is about county {CountyId}, which the registry in force does not place in a region; region views do not get it")]
    private static partial void LogUnknownCounty(ILogger logger, string alertId, string countyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry unavailable: alerts go out without their region group")]
    private static partial void LogRegistryUnavailable(ILogger logger, Exception exception);
}
