using FaqBot.BotFramework.Hosting;
using FaqBot.BotFramework.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.BotFramework.Tests.DirectLine;

// A real Kestrel app on 127.0.0.1:0 with only our Direct Line, the token endpoint and an echo bot.
public sealed class DirectLineServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private DirectLineServer(WebApplication app, EchoTurnHandler bot)
    {
        this.app = app;
        Bot = bot;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public Uri BaseAddress { get; }

    public EchoTurnHandler Bot { get; }

    public string Domain => new Uri(BaseAddress, "/v3/directline").ToString();

    /// <param name="clock">The host's clock; a test that checks expiry passes a fake one and moves it instead of sleeping.</param>
    public static async Task<DirectLineServer> StartAsync(Dictionary<string, string?>? settings = null, string? jsonFile = null, TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (jsonFile is not null)
        {
            builder.Configuration.AddJsonFile(jsonFile, optional: false);
        }

        // Last, so a loaded appsettings.json ("Urls": localhost:3978) cannot move the test server onto a shared port.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings ?? []) { ["Urls"] = "http://127.0.0.1:0" });
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.AddDirectLine();
        var bot = new EchoTurnHandler();
        builder.Services.AddSingleton<ITurnHandler>(bot);

        var app = builder.Build();
        try
        {
            app.UseDirectLine();
            app.MapDirectLine("/v3/directline");
            app.MapDirectLineTokenEndpoint("/api/directline/token");
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new DirectLineServer(app, bot);
    }

    public DirectLineClient Client(string? origin = null)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (origin is not null)
        {
            http.DefaultRequestHeaders.Add("Origin", origin);
        }

        return new DirectLineClient(http, Domain);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
