using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace FaqBot.Web.Tests.Scaling;

/// <summary>
/// A load balancer in front of several bot instances, as a clinic's IT would put one (YARP on a loopback port): every
/// request, WebSocket upgrades included, goes to the next instance in turn (round robin, no session affinity), and an
/// active health probe of /readyz takes an instance out of the rotation when it stops answering, as App Service's
/// health check or a container platform's readiness probe does. It records which instance served each request, so a
/// test can tell the load really was spread.
/// </summary>
internal sealed class LoopbackBalancer : IAsyncDisposable
{
    private const string ClusterId = "bots";

    // Short, so a test does not wait long for a dead instance to leave the rotation; a real probe runs every few
    // seconds to a minute, and the same happens, later.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(300);

    private readonly WebApplication app;
    private readonly ConcurrentQueue<Served> served = new();
    private readonly Dictionary<string, Uri> destinations = [];

    private LoopbackBalancer(WebApplication app) => this.app = app;

    /// <summary>One request as the balancer passed it on: which instance got it.</summary>
    public sealed record Served(string Method, string Path, string Destination, bool WebSocket);

    /// <summary>The balancer's own origin: the only address the patient's browser is given.</summary>
    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<Served> Requests => [.. served];

    public static async Task<LoopbackBalancer> StartAsync()
    {
        // An empty builder: the test's folder holds the bot's appsettings.json, which is not the balancer's.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRouting();
        builder.Services.AddReverseProxy().LoadFromMemory([], []);
        var app = builder.Build();
        var balancer = new LoopbackBalancer(app);
        app.MapReverseProxy(proxy =>
        {
            proxy.UseLoadBalancing();
            proxy.Use((context, next) =>
            {
                // After load balancing the one chosen instance is the only one left available.
                var chosen = context.GetReverseProxyFeature().AvailableDestinations;
                if (chosen.Count == 1)
                {
                    balancer.served.Enqueue(new Served(context.Request.Method, context.Request.Path + context.Request.QueryString,
                        chosen[0].DestinationId,
                        string.Equals(context.Request.Headers.Upgrade.ToString(), "websocket", StringComparison.OrdinalIgnoreCase)));
                }

                return next();
            });
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        balancer.Address = new Uri(addresses.Addresses.First());
        return balancer;
    }

    /// <summary>Puts an instance into the rotation under a name (a replacement takes the name of the one it replaces).</summary>
    public void Route(string name, Uri instance)
    {
        lock (destinations)
        {
            destinations[name] = instance;
            Apply();
        }
    }

    /// <summary>Takes an instance out of the rotation, as a deploy does before it replaces it.</summary>
    public void Remove(string name)
    {
        lock (destinations)
        {
            destinations.Remove(name);
            Apply();
        }
    }

    /// <summary>Waits until the health probe has taken the instance out of the rotation.</summary>
    public async Task WaitUntilOutOfRotationAsync(string name, TimeSpan timeout)
    {
        var lookup = app.Services.GetRequiredService<IProxyStateLookup>();
        var deadline = DateTime.UtcNow + timeout;
        while (!(lookup.TryGetCluster(ClusterId, out var cluster) && cluster.Destinations.TryGetValue(name, out var destination)
                 && destination.Health.Active == DestinationHealth.Unhealthy))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the balancer's health probe did not take {name} out of the rotation within {timeout.TotalSeconds} s");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private void Apply()
    {
        var route = new RouteConfig { RouteId = "everything", ClusterId = ClusterId, Match = new RouteMatch { Path = "{**rest}" } };
        var cluster = new ClusterConfig
        {
            ClusterId = ClusterId,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            Destinations = destinations.ToDictionary(d => d.Key, d => new DestinationConfig { Address = d.Value.ToString() }),
            HealthCheck = new HealthCheckConfig
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = ProbeInterval,
                    Timeout = TimeSpan.FromSeconds(2),
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                    Path = "/readyz",
                },
            },
            // One failed probe is enough here: a killed process refuses the connection, there is nothing to wait for.
            Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
        };
        app.Services.GetRequiredService<InMemoryConfigProvider>().Update([route], [cluster]);
    }
}
