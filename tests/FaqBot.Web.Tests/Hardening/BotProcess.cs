using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace FaqBot.Web.Tests.Hardening;

/// <summary>
/// The bot as its own process (<c>dotnet exec FaqBot.Web.dll</c>) on a loopback port, so its resident memory is the
/// bot's alone, as a container would see it. Killed on dispose, so a failed assertion leaves nothing running.
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process, int port)
    {
        _process = process;
        Address = new Uri($"http://127.0.0.1:{port}");
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Where the bot listens (loopback, a free port).</summary>
    public Uri Address { get; }

    public HttpClient Http { get; }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public static async Task<BotProcess> StartAsync(string folder, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(dotnet) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "exec", typeof(Program).Assembly.Location, "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Feedback__Path"] = Path.Combine(folder, "feedback.db");
        start.Environment["Knowledge__IndexPath"] = Path.Combine(folder, "index");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var bot = new BotProcess(Process.Start(start)!, port);
        bot._process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        bot._process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        bot._process.BeginOutputReadLine();
        bot._process.BeginErrorReadLine();
        try
        {
            await bot.WaitUntilUpAsync();
        }
        catch
        {
            // The caller never gets the process, so it is stopped here.
            await bot.DisposeAsync();
            throw;
        }

        return bot;
    }

    /// <summary>Resident memory now and its peak since the start, in MB (Linux: /proc/&lt;pid&gt;/status).</summary>
    public (double Rss, double Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Read(string key) => double.Parse(
            status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS:"), Read("VmHWM:"));
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Ends the bot at once (SIGKILL), as a crash or a lost machine would: no drain, open sockets just drop.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the bot to stop (SIGTERM), as a deploy, <c>docker stop</c> or App Service does: it drains and exits.</summary>
    public void Terminate()
    {
        const int sigterm = 15;
        if (Kill(_process.Id, sigterm) != 0)
        {
            throw new InvalidOperationException($"SIGTERM to {_process.Id} failed ({Marshal.GetLastPInvokeError()}).");
        }
    }

    /// <summary>Waits for the process to end by itself; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilUpAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_process.HasExited, "the bot exited: " + Output);
            try
            {
                using var response = await Http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail("the bot did not become ready: " + Output);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
