using System.Diagnostics.Metrics;

namespace Monitoring.Telemetry;

/// <summary>The host's instruments (meter <c>Monitoring</c>), ready for an OpenTelemetry exporter.</summary>
public sealed class MonitoringMetrics : IDisposable
{
    public const string MeterName = "Monitoring";

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _batchLatency;
    private readonly Counter<long> _alerts;

    public MonitoringMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _accepted = _meter.CreateCounter<long>("monitoring.claims.accepted", "{claim}", "claims appended to the ledger");
        _duplicates = _meter.CreateCounter<long>("monitoring.claims.duplicates", "{claim}", "re-sent claims ignored");
        _rejected = _meter.CreateCounter<long>("monitoring.claims.rejected", "{claim}", "claims refused");
        _batchLatency = _meter.CreateHistogram<double>("monitoring.ingest.duration", "ms", "time from batch parsed to grains updated");
        _alerts = _meter.CreateCounter<long>("monitoring.alerts.raised", "{alert}", "alerts stored and pushed, by kind and severity");
    }

    public void BatchIngested(int accepted, int duplicates, int rejected, TimeSpan elapsed)
    {
        _accepted.Add(accepted);
        _duplicates.Add(duplicates);
        _rejected.Add(rejected);
        _batchLatency.Record(elapsed.TotalMilliseconds);
    }

    public void AlertsRaised(IEnumerable<Monitoring.Alerts.Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            _alerts.Add(1, new KeyValuePair<string, object?>("kind", alert.Kind), new KeyValuePair<string, object?>("severity", alert.Severity.ToString()));
        }
    }

    public void Dispose() => _meter.Dispose();
}
