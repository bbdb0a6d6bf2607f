using System.Collections.Concurrent;
using Monitoring.Alerts;
using Monitoring.Funds.Snapshots;
using Monitoring.Publishing;

namespace Monitoring.Grains.Tests.Grains;

/// <summary>Keeps what the grains publish, so the wiring can be checked: alerts stored once per id with their status, and the latest status per account.</summary>
public sealed class RecordingPublisher : IPublisher
{
    private readonly ConcurrentDictionary<string, Alert> _alerts = new();

    public ConcurrentDictionary<string, FundStatus> Statuses { get; } = new();

    public IReadOnlyList<Alert> AlertsAbout(string subjectId) =>
        [.. _alerts.Values.Where(a => a.SubjectId == subjectId).OrderBy(a => a.AsOf).ThenBy(a => a.Transition)];

    public IReadOnlyList<Alert> AlertsOfKind(string kind) => [.. _alerts.Values.Where(a => a.Kind == kind).OrderBy(a => a.AlertId, StringComparer.Ordinal)];

    public Task RaiseAsync(IReadOnlyList<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            _alerts.TryAdd(alert.AlertId, alert);
        }

        return Task.CompletedTask;
    }

    public Task WithdrawAsync(IReadOnlyCollection<string> alertIds, IReadOnlyCollection<string> claimIds, string reason)
    {
        foreach (var alert in _alerts.Values)
        {
            if (alert.Status != AlertStatus.Withdrawn && (alertIds.Contains(alert.AlertId) || (AlertKinds.RestsOnClaims(alert.Kind) && alert.ClaimIds.Any(claimIds.Contains))))
            {
                _alerts[alert.AlertId] = alert with { Status = AlertStatus.Withdrawn, StatusReason = reason };
            }
        }

        return Task.CompletedTask;
    }

    public Task ResolveAsync(Alert cleared)
    {
        foreach (var alert in _alerts.Values)
        {
            if (alert.Kind == cleared.Kind && alert.SubjectId == cleared.SubjectId && alert.SubjectLevel == cleared.SubjectLevel
                && alert.AsOf <= cleared.AsOf && alert.Status is AlertStatus.Open or AlertStatus.Acknowledged)
            {
                _alerts[alert.AlertId] = alert with { Status = AlertStatus.Resolved, StatusReason = "level-cleared" };
            }
        }

        return Task.CompletedTask;
    }

    public Task ResolveByCaseAsync(IReadOnlyCollection<string> alertIds, string reason)
    {
        foreach (var alert in _alerts.Values)
        {
            if (alertIds.Contains(alert.AlertId) && alert.Status != AlertStatus.Withdrawn)
            {
                _alerts[alert.AlertId] = alert with { Status = AlertStatus.Resolved, StatusReason = reason };
            }
        }

        return Task.CompletedTask;
    }

    public void FundChanged(FundStatus status) => Statuses[$"{status.Level}/{status.Id}"] = status;
}
