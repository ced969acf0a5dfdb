using System.Net;
using FaqBot.BotFramework.Hosting;
using FaqBot.BotFramework.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Tests.Support;

/// <summary>A minimal bot host on a loopback port: AddBotFramework + MapBotMessages + the given turn handler, and nothing else.</summary>
public sealed class BotApp : IAsyncDisposable
{
    private readonly WebApplication app;
    private Task? stopped;

    private BotApp(WebApplication app, Uri address, LogCapture logs)
    {
        this.app = app;
        Address = address;
        Logs = logs;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public LogCapture Logs { get; }
    public Uri MessagesUrl => new(Address, "/api/messages");

    public static async Task<BotApp> StartAsync(
        ITurnHandler handler, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = Build(handler, settings, services, out var logs);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new BotApp(app, new Uri(address), logs);
    }

    /// <summary>Builds without starting, for tests about start-up itself.</summary>
    public static WebApplication Build(
        ITurnHandler handler, IDictionary<string, string?>? settings, Action<IServiceCollection>? services, out LogCapture logs)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        // Only what the test says: no appsettings.json, no environment variables from the machine.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        logs = new LogCapture();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);

        builder.AddBotFramework();
        // After AddBotFramework, so a test's registrations (a fake token provider, an HTTP handler) win.
        services?.Invoke(builder.Services);
        builder.Services.AddSingleton(handler);

        var app = builder.Build();
        app.MapBotMessages("/api/messages");
        return app;
    }

    /// <summary>
    /// Stops the host. Stopping waits for every turn it started, so afterwards whatever a request set off has happened:
    /// a test that checks something did not happen asserts after this instead of sleeping.
    /// </summary>
    public Task StopAsync() => stopped ??= app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopAsync();
        await app.DisposeAsync();
    }
}
