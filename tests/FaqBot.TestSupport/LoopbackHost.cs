using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FaqBot.TestSupport;

/// <summary>What every fake service starts from: a slim host on ports of its own, silent so test output shows only the bot.</summary>
internal static class LoopbackHost
{
    public static WebApplicationBuilder CreateBuilder(Action<KestrelServerOptions> listen)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(listen);
        builder.Logging.ClearProviders();
        return builder;
    }

    /// <summary>The addresses Kestrel bound, as it reports them (scheme://127.0.0.1:port); known only once started.</summary>
    public static IReadOnlyCollection<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses];
}
