using System.Diagnostics;
using System.Net.Sockets;

namespace FaqBot.MessagesBench;

/// <summary>A server under test, run as its own process so the load generator never shares its CPU time or heap.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }
    public Uri MessagesUrl => new($"http://127.0.0.1:{Port}/api/messages");

    public static ServerProcess Start(string dll, IEnumerable<string> arguments, IDictionary<string, string> environment, int port, Action<string>? onOutputLine = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        // Drain the output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { onOutputLine?.Invoke(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"  [{Path.GetFileNameWithoutExtension(dll)}] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process, port);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Resident and peak resident memory in MB, from /proc (Linux).</summary>
    public (double Rss, double Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{process.Id}/status");
        double Read(string key) => double.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    /// <summary>CPU time the server has used so far, user and kernel.</summary>
    public TimeSpan CpuTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public bool HasExited => process.HasExited;

    private bool disposed;

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process.Dispose();
    }
}
