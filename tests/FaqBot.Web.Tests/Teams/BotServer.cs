using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.Teams;

/// <summary>The real FaqBot (Program) on a Kestrel loopback port, with its own data folder and optional overrides.</summary>
public sealed class BotServer : IAsyncDisposable
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("faqbot-teams-web-").FullName;
    private readonly Factory factory;

    private BotServer(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        var all = new Dictionary<string, string?>
        {
            // Each server builds its index and keeps its records in its own folder: no test sees another's files.
            ["Knowledge:IndexPath"] = Path.Combine(dataFolder, "faqbot-index"),
            ["Feedback:Path"] = Path.Combine(dataFolder, "feedback.db"),
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        factory = new Factory(all, services);
    }

    public Uri Address { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public string DataFolder => dataFolder;
    public IServiceProvider Services => factory.Services;

    public static Task<BotServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var server = new BotServer(settings ?? new Dictionary<string, string?>(), services);
        server.factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        server.factory.StartServer();
        var addresses = server.factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        server.Address = new Uri(addresses.Addresses.First());
        server.Http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        return Task.FromResult(server);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await factory.DisposeAsync();
        await TempFolders.DeleteAsync(dataFolder);
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        }
    }
}
