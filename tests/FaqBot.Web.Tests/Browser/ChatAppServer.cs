using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Browser;

/// <summary>The real bot, page and Direct Line on a Kestrel loopback port, as a patient's browser reaches them.</summary>
public sealed class ChatAppServer : IAsyncLifetime, IAsyncDisposable
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("faqbot-browser-").FullName;
    private readonly IReadOnlyDictionary<string, string?> settings;
    private Factory factory;

    public ChatAppServer()
        : this(new Dictionary<string, string?>())
    {
    }

    private ChatAppServer(IReadOnlyDictionary<string, string?> settings)
    {
        // Each server writes its index and records into its own folder, so no test sees another's files.
        var isolated = new Dictionary<string, string?>
        {
            ["Knowledge:IndexPath"] = Path.Combine(dataFolder, "faqbot-index"),
        };
        foreach (var (key, value) in settings)
        {
            isolated[key] = value;
        }

        this.settings = isolated;
        factory = new Factory(isolated);
    }

    /// <summary>A server whose configuration differs from appsettings.json in the given keys; start it with InitializeAsync.</summary>
    public static ChatAppServer With(IReadOnlyDictionary<string, string?> settings) => new(settings);

    public Uri BaseAddress { get; private set; } = null!;

    public Task InitializeAsync()
    {
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.First());
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops the bot and starts a new one on the same address, as a deploy does: the new process knows none of the
    /// old conversations and signs its tokens with a new key.
    /// </summary>
    public async Task RestartAsync()
    {
        var port = BaseAddress.Port;
        await factory.DisposeAsync();
        factory = new Factory(settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await TempFolders.DeleteAsync(dataFolder);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // A restart (or the end of a test) must not wait for open WebSockets to close by themselves.
            builder.UseShutdownTimeout(TimeSpan.FromSeconds(1));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
