using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FaqBot.TestSupport;

/// <summary>
/// A private redis-server on a free loopback port with its data in a temporary folder, for tests of several bot
/// instances sharing state. Stop and start it again to simulate an outage; with <c>durable</c>, every write is in the
/// append-only file first, so a restart loses nothing, as a production Redis with persistence would.
/// CI installs Debian's redis-server (.ci/run); without it the test fails and says so.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("faqbot-redis-").FullName;
    private readonly bool durable;
    private Process? process;

    private RedisServer(int port, bool durable)
    {
        Port = port;
        this.durable = durable;
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(bool durable = false)
    {
        var server = new RedisServer(FreePort(), durable);
        try
        {
            await server.StartAgainAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Starts the server (again) on the same port, and waits until it answers PING.</summary>
    public async Task StartAgainAsync()
    {
        var binary = Binary() ?? throw new InvalidOperationException(
            "redis-server was not found (looked on PATH and in /usr/bin). Install it (Debian: apt-get install redis-server; .ci/run does) to run the several-instance tests.");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--dir", folder,
                     "--appendonly", durable ? "yes" : "no", "--appendfsync", "always", "--protected-mode", "no"])
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await PingsAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not come up (exit code {(process.HasExited ? process.ExitCode : "none")}).");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Kills the server at once, as a crash or a network cut would look to the bot.</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill();
            await running.WaitForExitAsync();
        }

        process?.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task<bool> PingsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string? Binary()
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator) ?? [];
        return path.Append("/usr/bin").Append("/usr/sbin").Select(p => Path.Combine(p, "redis-server")).FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
