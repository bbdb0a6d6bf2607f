using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitoring.Alerts;

namespace Monitoring.Dashboard.Push;

/// <summary>
/// The console's view of the findings: each alert is logged at Debug (the demo raises hundreds a minute, and a reader
/// of the console wants the tokens and the link, not a scroll of alerts), and once a minute one line counts what was
/// raised and withdrawn in it, by kind. Nothing is said in a minute without findings.
/// </summary>
public sealed partial class FindingsTally(ILogger<FindingsTally> logger, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, int> _raised = new(StringComparer.Ordinal);
    private int _withdrawn;

    public void Raised(IEnumerable<Alert> alerts)
    {
        foreach (var alert in alerts)
        {
            _raised.AddOrUpdate(alert.Kind, 1, (_, n) => n + 1);
        }
    }

    public void Withdrawn(int count) => Interlocked.Add(ref _withdrawn, count);

    /// <summary>The minute's line (null when nothing happened), and the counts start again.</summary>
    public string? TakeMinute()
    {
        var kinds = _raised.Keys.Order(StringComparer.Ordinal)
            .Select(kind => (kind, count: _raised.TryRemove(kind, out var n) ? n : 0)).Where(k => k.count > 0).ToList();
        var withdrawn = Interlocked.Exchange(ref _withdrawn, 0);
        if (kinds.Count == 0 && withdrawn == 0)
        {
            return null;
        }

        var raised = kinds.Sum(k => k.count);
        var byKind = string.Join(", ", kinds.Select(k => $"{k.kind} {k.count}"));
        return $"{raised} alerts raised{(byKind.Length > 0 ? $" ({byKind})" : "")}, {withdrawn} withdrawn";
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (TakeMinute() is { } line)
            {
                LogMinute(logger, line);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Findings in the last minute: {Tally}")]
    private static partial void LogMinute(ILogger logger, string tally);
}
