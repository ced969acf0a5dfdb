using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FaqBot.TestSupport;

/// <summary>
/// A private PostgreSQL server for a test: Debian's binaries (/usr/lib/postgresql/&lt;version&gt;/bin), a new cluster in
/// a temporary folder, listening on a free loopback port, trust authentication for the user <c>postgres</c>. Stopped
/// and deleted on dispose. PostgreSQL refuses to run as root, so as root (CI) it runs as the user <c>nobody</c>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Root = "/usr/lib/postgresql";

    private readonly string _bin;
    private readonly string _folder;
    private int _databases;

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Creates the cluster and starts it (a few seconds: share one per test class where the tests allow).</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBin();
        // As root the server's user must reach the folder: under /tmp, whatever TMPDIR says (it may be inside /root).
        var folder = RunningAsRoot ? Directory.CreateDirectory(Path.Combine("/tmp", "faqbot-pg-" + Guid.NewGuid().ToString("N")[..12])).FullName
            : Directory.CreateTempSubdirectory("faqbot-pg-").FullName;
        var server = new PostgresServer(bin, folder, FreePort());
        try
        {
            if (RunningAsRoot)
            {
                await RunAsync("chown", ["-R", "nobody", folder], asPostgresUser: false);
            }

            await server.RunAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The connection string of a new, empty database as the bot sees it: a schema of its own in the server's database
    /// (first on the search path), which takes milliseconds where CREATE DATABASE takes about a second.
    /// </summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"faqbot_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(ConnectionString(null)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA {name}";
            await command.ExecuteNonQueryAsync();
        }

        return ConnectionString(name);
    }

    private string ConnectionString(string? schema) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Database = "postgres", SearchPath = schema, Timeout = 5,
    }.ToString();

    /// <summary>Stops the server at once (as a crash or an operator would), keeping its data for <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => RunAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);

    public Task StartAgainAsync() => RunAsync("pg_ctl",
    [
        "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_folder} -c fsync=off -c max_connections=50",
        "start",
    ]);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                await StopAsync();
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static bool RunningAsRoot => geteuid() == 0;

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();

    private static string FindBin()
    {
        var bin = Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Folder, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"These tests start their own PostgreSQL server and found no initdb under {Root}/<version>/bin. Install Debian's postgresql package (.ci/run does).");
    }

    private Task RunAsync(string tool, string[] arguments) => RunAsync(Path.Combine(_bin, tool), arguments, asPostgresUser: true);

    private static async Task RunAsync(string program, string[] arguments, bool asPostgresUser)
    {
        var start = new ProcessStartInfo(asPostgresUser && RunningAsRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgresUser && RunningAsRoot)
        {
            foreach (var argument in new[] { "-u", "nobody", "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
