using System.Diagnostics;
using System.Text;

namespace Monitoring.Testing;

/// <summary>
/// The host as its own operating-system process (<c>dotnet Monitoring.Silo.dll …</c>) on 127.0.0.1, so a test can
/// kill it with SIGKILL mid-stream and start another on the same database.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<HostProcess> StartAsync(params string[] settings)
    {
        // A port found free can be taken by another test's server before this host binds it (tests run in parallel):
        // a host that lost that race is started again on new ports instead of failing the test that wanted it.
        for (var attempt = 1; ; attempt++)
        {
            var host = Launch(settings);
            try
            {
                await host.WaitReadyAsync(TimeSpan.FromSeconds(90));
                return host;
            }
            catch (InvalidOperationException) when (attempt < 3 && host.LostPortRace)
            {
                await host.DisposeAsync();
            }
        }
    }

    private bool LostPortRace => _process.HasExited && Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the embedded host writes its demo tokens (shell assignments: REGION_REGULATOR=…).</summary>
    public string TokensFile { get; private init; } = "";

    /// <summary>Starts the process and returns at once, for a test that watches how it starts.</summary>
    public static HostProcess Launch(params string[] settings)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A caller that restarts "the same" silo passes its SiloPort: Orleans then supersedes the dead generation at
        // that endpoint at once instead of waiting for it to be voted dead.
        var siloPort = settings.Any(s => s.StartsWith("--Monitoring:Cluster:SiloPort=", StringComparison.Ordinal))
            ? []
            : new[] { $"--Monitoring:Cluster:SiloPort={FreePort.Next()}" };
        // Test claims are dated in 2026 whatever the machine's date; the agency-clock guard has its own tests.
        // Each host writes its demo tokens to a file of its own, never into the test's folder where hosts would share one.
        var tokensFile = Path.Combine(Path.GetTempPath(), $"demo-tokens-{port}.env");
        foreach (var arg in (string[])[SiloAssembly, "--urls", $"http://127.0.0.1:{port}", "--Monitoring:Ingest:MaxAheadOfClock=3660.00:00:00",
            $"--Monitoring:Demo:TokensFile={tokensFile}", .. siloPort, .. settings])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}")) { TokensFile = tokensFile };
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>SIGKILL: no shutdown hooks, no final checkpoint, exactly like a power cut of the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        if (TokensFile.Length > 0)
        {
            File.Delete(TokensFile);
        }

        _process.Dispose();
    }

    /// <summary>The host's build output, beside this test's: same configuration, built because the tests reference it.</summary>
    public static string SiloAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            var path = Path.Combine(ContractFiles.RepositoryRoot, "src", "Silo", "bin", configuration, "net10.0", "Monitoring.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("build src/Silo first", path);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until the host's output contains <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the host {(_process.HasExited ? "exited without writing" : "did not write")} \"{text}\" (waited up to {timeout}):{Environment.NewLine}{Output}");
            }

            await Task.Delay(100);
        }
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the host was not ready within {timeout}:{Environment.NewLine}{Output}");
    }
}
