using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Push;

/// <summary>
/// A real SignalR client of <c>/hubs/monitoring</c>, as a dashboard or a hospital would connect: it records every
/// <c>alert</c> and <c>fund</c> document it receives, and lets a test wait for one.
/// </summary>
internal sealed class HubListener : IAsyncDisposable
{
    /// <summary>Generous: a wait that times out is a failure, and a slow machine must not make a passing test fail.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly HubConnection _connection;
    private readonly Lock _gate = new();
    private readonly List<(string Method, JsonElement Document)> _received = [];
    private readonly List<(string Method, Predicate<JsonElement> Match, TaskCompletionSource<JsonElement> Done)> _waiting = [];

    private HubListener(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>("alert", document => Receive("alert", document));
        _connection.On<JsonElement>("fund", document => Receive("fund", document));
        _connection.On<JsonElement>("case", document => Receive("case", document));
    }

    public static HubConnection Connection(RunningHost host, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(host.Address, "hubs/monitoring"), o =>
            {
                if (token is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();

    public static async Task<HubListener> ConnectAsync(RunningHost host, string token)
    {
        var listener = new HubListener(Connection(host, token));
        await listener._connection.StartAsync(TestContext.Current.CancellationToken);
        return listener;
    }

    public IReadOnlyList<JsonElement> Received(string method)
    {
        lock (_gate)
        {
            return [.. _received.Where(r => r.Method == method).Select(r => r.Document)];
        }
    }

    /// <summary>The first document of <paramref name="method"/> that matches, received already or yet to come.</summary>
    public Task<JsonElement> WaitForAsync(string method, Predicate<JsonElement> match)
    {
        lock (_gate)
        {
            foreach (var (m, document) in _received)
            {
                if (m == method && match(document))
                {
                    return Task.FromResult(document);
                }
            }

            var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((method, match, done));
            return done.Task.WaitAsync(Patience, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void Receive(string method, JsonElement document)
    {
        lock (_gate)
        {
            _received.Add((method, document));
            foreach (var waiter in _waiting.Where(w => w.Method == method && w.Match(document)).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Done.TrySetResult(document);
            }
        }
    }
}
