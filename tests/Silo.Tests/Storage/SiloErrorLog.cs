using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Monitoring.Silo.Tests.Storage;

/// <summary>
/// Keeps the last warnings and errors a test silo logged, so that a silo which would not start can
/// say why. The ADO.NET providers report a failed query only at Debug and Orleans then retries for
/// minutes, so their Debug entries are kept too: a schema that breaks a provider shows up here as
/// the PostgreSQL error itself.
/// </summary>
public sealed class SiloErrorLog : ILoggerProvider
{
    private const int Capacity = 20;

    private readonly ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public override string ToString() => _entries.IsEmpty ? "(nothing logged)" : string.Join(Environment.NewLine, _entries);

    private void Add(string entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(SiloErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning
            || (logLevel >= LogLevel.Debug && category.Contains("AdoNet", StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            // The root cause (e.g. a PostgresException) is usually wrapped by Orleans' own exceptions.
            var cause = exception is null ? "" : $" [{exception.GetBaseException().GetType().Name}: {exception.GetBaseException().Message}]";
            log.Add($"{logLevel} {category}: {formatter(state, exception)}{cause}");
        }
    }
}
