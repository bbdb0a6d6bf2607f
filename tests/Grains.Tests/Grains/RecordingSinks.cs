using System.Collections.Concurrent;
using Monitoring.Alerts;
using Monitoring.Funds;

namespace Monitoring.Grains.Tests.Grains;

/// <summary>Keeps what the grains publish, so the wiring can be checked: alerts stored once per id, and the latest status per account.</summary>
public sealed class RecordingSinks : IAlertSink, IFundStatusSink
{
    private readonly ConcurrentDictionary<string, Alert> _alerts = new();

    public ConcurrentDictionary<string, FundStatus> Statuses { get; } = new();

    public IReadOnlyList<Alert> AlertsAbout(string subjectId) =>
        [.. _alerts.Values.Where(a => a.SubjectId == subjectId).OrderBy(a => a.AsOf).ThenBy(a => a.Transition)];

    public Task PublishAsync(IReadOnlyList<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            _alerts.TryAdd(alert.AlertId, alert);
        }

        return Task.CompletedTask;
    }

    public void Changed(FundStatus status) => Statuses[$"{status.Level}/{status.Id}"] = status;
}
