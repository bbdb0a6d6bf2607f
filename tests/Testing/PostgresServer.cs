using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using Xunit;

namespace Monitoring.Testing;

/// <summary>
/// A throwaway PostgreSQL server for tests: a fresh cluster in its own directory under /tmp, reachable
/// only on 127.0.0.1 with trust authentication, stopped and deleted on dispose. Share one per test
/// collection and give each test its own database through <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>
/// The server binaries must be installed (Debian: <c>apt-get install postgresql</c>). A missing server
/// fails the tests rather than skipping them, so a machine without PostgreSQL cannot pass silently.
/// </remarks>
public sealed partial class PostgresServer : IAsyncLifetime
{
    // initdb, pg_ctl and postgres all refuse to run as root, and containers and CI usually are root.
    private const string ServiceAccount = "postgres";
    private const string Superuser = "postgres";
    private const int StartAttempts = 3;
    private const int LogLinesInErrors = 80;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    private string? _binDirectory;
    private string? _rootDirectory;
    private bool _asServiceAccount;
    private bool _started;

    /// <summary>The TCP port the server listens on at 127.0.0.1.</summary>
    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(RootDirectory, "data");

    private string LogFile => Path.Combine(RootDirectory, "postgres.log");

    private string RootDirectory => _rootDirectory ?? throw new InvalidOperationException("The server has not been initialized.");

    public async ValueTask InitializeAsync()
    {
        _binDirectory = LocateServerBinaries();
        _asServiceAccount = Environment.UserName == "root";
        _rootDirectory = Path.Combine("/tmp", $"monitoring-pg-{Guid.NewGuid():N}");
        try
        {
            await CreateRootDirectoryAsync();
            await InitializeClusterAsync();
            await WriteConfigurationAsync();
            await StartAsync();
        }
        catch
        {
            await StopAndDeleteAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var stopFailure = await StopAndDeleteAsync();
        if (stopFailure is not null)
        {
            throw stopFailure;
        }
    }

    /// <summary>
    /// Stops the server (an outage as clients see it: every connection is cut); <see cref="StartAgainAsync"/> brings it
    /// back on the same port. A fast shutdown, not an immediate one: this server runs without fsync and with
    /// asynchronous commit, so an immediate stop would lose the last commits, which no real outage of a durable server does.
    /// </summary>
    public async Task StopAsync()
    {
        var result = await RunAsync(Tool("pg_ctl"), ["--pgdata", DataDirectory, "--mode", "fast", "--wait", "stop"]);
        if (result.ExitCode != 0)
        {
            throw Failure("stop the server (pg_ctl stop)", result, ReadLogTail());
        }

        _started = false;
    }

    /// <summary>Starts the stopped server again on the port it had.</summary>
    public async Task StartAgainAsync()
    {
        var result = await RunAsync(
            Tool("pg_ctl"),
            ["--pgdata", DataDirectory, "--log", LogFile, "--wait", "--timeout", "60", "-o", $"-p {Port}", "start"]);
        if (result.ExitCode != 0)
        {
            throw Failure("start the server again (pg_ctl start)", result, ReadLogTail());
        }

        _started = true;
    }

    /// <summary>
    /// Creates an empty database and returns an Npgsql connection string for it.
    /// </summary>
    /// <param name="name">A lower-case SQL identifier; a unique name is made up when omitted.</param>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        if (!_started)
        {
            throw new InvalidOperationException("The server is not running; was InitializeAsync awaited?");
        }

        name ??= $"test_{Guid.NewGuid():N}";
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain lower-case SQL identifier.", nameof(name));
        }

        // No pooling: an idle admin connection would outlive the server and hold the maintenance database.
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    private static string LocateServerBinaries()
    {
        var candidates = new List<string>();
        if (TryReadPgConfigBinDirectory() is { } configured)
        {
            candidates.Add(configured);
        }

        // pg_config comes from libpq-dev and may describe a client-only install or another major version.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            candidates.AddRange(Directory.GetDirectories(debianRoot)
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var major) ? major : -1)
                .Select(dir => Path.Combine(dir, "bin")));
        }

        return candidates.FirstOrDefault(HasServerTools) ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found: tried `pg_config --bindir` and " +
            $"{debianRoot}/*/bin ({(candidates.Count == 0 ? "nothing there" : string.Join(", ", candidates))}). " +
            "Install the server, e.g. `apt-get install -y postgresql`.");

        static bool HasServerTools(string dir) =>
            new[] { "initdb", "pg_ctl", "postgres" }.All(tool => File.Exists(Path.Combine(dir, tool)));
    }

    private static string? TryReadPgConfigBinDirectory()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not on PATH
        }
    }

    private async Task CreateRootDirectoryAsync()
    {
        if (_asServiceAccount)
        {
            // Made by the service account so that it owns the directory the cluster, socket and log live in.
            await RunOrThrowAsync("mkdir", ["-m", "700", RootDirectory], "create the server directory");
        }
        else if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The test PostgreSQL server runs on Linux and macOS only.");
        }
        else
        {
            Directory.CreateDirectory(RootDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private Task InitializeClusterAsync() => RunOrThrowAsync(
        Tool("initdb"),
        [
            "--pgdata", DataDirectory,
            "--username", Superuser,
            "--auth", "trust",
            "--encoding", "UTF8",
            "--locale", "C",
            "--no-sync",
            "--no-instructions",
        ],
        "initialize the cluster (initdb)");

    private async Task WriteConfigurationAsync()
    {
        // Appended, so these win over initdb's defaults. The port is given at start so a clash can retry.
        var settings = $"""

            # Added by Monitoring.Testing.PostgresServer
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{RootDirectory}'
            # max_connections stays at PostgreSQL's default of 100, as on a stock server: the host must fit in it.
            # Durability is not under test: the crash tests kill the application, never this server.
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            # Not UTC, as a server in China may well be: code that lets the server's zone leak into
            # timestamps fails here rather than in production.
            timezone = 'Asia/Shanghai'
            log_timezone = 'UTC'
            """;
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings);

        // Replaces initdb's file, which also trusts ::1 and replication: only the socket and 127.0.0.1 remain.
        const string access = """
            # Written by Monitoring.Testing.PostgresServer
            local all all trust
            host  all all 127.0.0.1/32 trust

            """;
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "pg_hba.conf"), access);
    }

    private async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            var result = await RunAsync(
                Tool("pg_ctl"),
                ["--pgdata", DataDirectory, "--log", LogFile, "--wait", "--timeout", "60", "-o", $"-p {Port}", "start"]);
            if (result.ExitCode == 0)
            {
                _started = true;
                return;
            }

            // FreePort only says the port was free a moment ago; another process may have taken it since.
            var log = ReadLogTail();
            if (attempt < StartAttempts && log.Contains("could not bind", StringComparison.Ordinal))
            {
                continue;
            }

            throw Failure("start the server (pg_ctl start)", result, log);
        }
    }

    private async Task<Exception?> StopAndDeleteAsync()
    {
        Exception? failure = null;
        if (_started)
        {
            // Immediate: nothing the tests wrote needs to survive, and it is the fastest way down.
            var result = await RunAsync(
                Tool("pg_ctl"),
                ["--pgdata", DataDirectory, "--mode", "immediate", "--wait", "stop"]);
            if (result.ExitCode != 0)
            {
                failure = Failure("stop the server (pg_ctl stop)", result, ReadLogTail());
            }

            _started = false;
        }

        if (_rootDirectory is not null && Directory.Exists(_rootDirectory))
        {
            try
            {
                // A server that failed to stop also shuts itself down once its postmaster.pid is gone.
                Directory.Delete(_rootDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failure ??= new InvalidOperationException($"Could not delete the test server directory {_rootDirectory}.", ex);
            }
        }

        return failure;
    }

    private string Tool(string name) => Path.Combine(
        _binDirectory ?? throw new InvalidOperationException("Server binaries were not located."), name);

    private async Task RunOrThrowAsync(string executable, IReadOnlyList<string> arguments, string purpose)
    {
        var result = await RunAsync(executable, arguments);
        if (result.ExitCode != 0)
        {
            throw Failure(purpose, result, ReadLogTail());
        }
    }

    private async Task<ToolResult> RunAsync(string executable, IReadOnlyList<string> arguments)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The service account may not be able to enter the test runner's directory, and initdb minds that.
            WorkingDirectory = Directory.Exists(RootDirectory) ? RootDirectory : "/tmp",
        };
        if (_asServiceAccount)
        {
            startInfo.FileName = RunUser();
            foreach (var argument in (string[])["-u", ServiceAccount, "--", executable])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        else
        {
            startInfo.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The developer's own PGDATA, PGPORT, PGHOST... must not steer the tools to another server.
        foreach (var key in startInfo.Environment.Keys.Where(key => key.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        // English messages, so a port clash can be recognised in the log.
        startInfo.Environment["LC_ALL"] = "C";

        var commandLine = $"{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new ToolResult(commandLine, -1, $"could not start: {ex.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(ToolTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append($"timed out after {ToolTimeout}");
            return new ToolResult(commandLine, -1, Snapshot());
        }

        return new ToolResult(commandLine, process.ExitCode, Snapshot());

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    // A shell started without a login may lack /usr/sbin on PATH, where util-linux installs runuser.
    private static string RunUser() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser" }.FirstOrDefault(File.Exists) ?? "runuser";

    private string ReadLogTail()
    {
        try
        {
            var lines = File.ReadAllLines(LogFile);
            return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - LogLinesInErrors)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return "(no server log)";
        }
    }

    private static InvalidOperationException Failure(string purpose, ToolResult result, string serverLog) => new(
        $"""
        Test PostgreSQL server: could not {purpose}.
        command: {result.CommandLine}
        exit code: {result.ExitCode}
        --- output ---
        {result.Output.TrimEnd()}
        --- server log (last {LogLinesInErrors} lines) ---
        {serverLog.TrimEnd()}
        """);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private sealed record ToolResult(string CommandLine, int ExitCode, string Output);
}
