using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FaqBot.BotFramework.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.BotFramework.Tests.Hosting;

/// <summary>
/// With no App ID nobody is authenticated, so only callers on this machine (the Emulator) are answered unless the operator
/// says otherwise; and the Authorization header is judged before a byte of the body is read.
/// </summary>
public sealed class AnonymousCallerTests
{
    // A documentation address (RFC 5737), as a proxy's ForwardedHeaders middleware or a remote client would present it.
    private static readonly IPAddress Remote = IPAddress.Parse("203.0.113.7");

    // The welcome goes to a closed port (nobody listens on 9): retrying it with back-off is not what these tests are about.
    private const string NoRetries = "BotFramework:MaxRetryAttempts";

    [Fact]
    public async Task RemoteCallerIsRefusedWhenNoAppIdIsConfigured()
    {
        var handler = new RecordingTurnHandler();
        await using var bot = await BotApp.StartAsync(handler, null, services => services.AddSingleton<IStartupFilter>(new RemoteAddress(Remote)));

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.Message("http://127.0.0.1:9/"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // Once stopped, every turn the bot started has ended: a turn the refused request set off would show by now.
        await bot.StopAsync();
        Assert.Empty(handler.Received);
    }

    [Fact]
    public async Task RemoteCallerIsAnsweredWhenTheOperatorAllowsIt()
    {
        var handler = new RecordingTurnHandler();
        var settings = new Dictionary<string, string?> { ["BotFramework:AllowAnonymousRemoteCallers"] = "true", [NoRetries] = "0" };
        await using var bot = await BotApp.StartAsync(handler, settings, services => services.AddSingleton<IStartupFilter>(new RemoteAddress(Remote)));

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.ConversationUpdate("http://127.0.0.1:9/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(handler.Received);
        Assert.Contains(bot.Logs.Lines, l => l.Message.Contains("AllowAnonymousRemoteCallers is on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoopbackCallerIsAnsweredWithoutAnAppId()
    {
        var handler = new RecordingTurnHandler();
        await using var bot = await BotApp.StartAsync(handler, new Dictionary<string, string?> { [NoRetries] = "0" });

        var response = await bot.Http.PostActivityAsync(bot.MessagesUrl, Some.ConversationUpdate("http://127.0.0.1:9/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(handler.Received);
    }

    [Fact]
    public async Task MissingTokenIsRefusedBeforeTheBodyArrives()
    {
        var settings = new Dictionary<string, string?> { ["MicrosoftAppId"] = "app-id", ["MicrosoftAppPassword"] = "secret" };
        await using var bot = await BotApp.StartAsync(new RecordingTurnHandler(), settings);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, bot.Address.Port);
        var stream = client.GetStream();

        // Headers announcing 200 KB, and then nothing: a bot that read the body first would wait for it.
        var head = $"POST /api/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var clock = Stopwatch.StartNew();
        var buffer = new byte[256];
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAsync(buffer, patience.Token);

        Assert.StartsWith("HTTP/1.1 401", Encoding.ASCII.GetString(buffer, 0, read));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    /// <summary>Presents every request as coming from the given address, before the bot sees it.</summary>
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
