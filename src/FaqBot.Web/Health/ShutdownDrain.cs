using FaqBot.BotFramework.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Health;

/// <summary>
/// A rolling deploy behind a load balancer: the moment the host is told to stop, <c>/readyz</c> answers 503, and the
/// instance keeps serving for <see cref="HealthOptions.DrainDelay"/> before the web server closes its port. Without
/// the pause, requests the balancer still sends in that window are refused (the page sees 502), and a Web Chat
/// reconnecting to the closed instance waits 20 s before it tries again.
/// </summary>
/// <remarks>
/// <see cref="StoppingAsync"/> runs before any hosted service's <c>StopAsync</c>, the web server's included, so the port
/// is still open during the pause. After it the open Direct Line streams are ended (the page reconnects elsewhere):
/// the web server waits for open WebSockets, and would otherwise spend the whole shutdown timeout on them.
/// The drain is added to the host's shutdown timeout (<see cref="HealthEndpoints"/>), so running turns keep theirs.
/// </remarks>
internal sealed class ShutdownDrain(IOptions<HealthOptions> options, TimeProvider clock, DirectLineStreams streams, ILogger<ShutdownDrain> logger)
    : IHostedLifecycleService, IHealthCheck
{
    private volatile bool stopping;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        var delay = options.Value.DrainDelay;
        if (delay > TimeSpan.Zero)
        {
            Log.Draining(logger, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host's shutdown timeout came first: stop now rather than overrun it.
            }
        }

        streams.EndAll();
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(stopping
            ? HealthCheckResult.Unhealthy("Stopping: finishing what is under way; send new requests to another instance")
            : HealthCheckResult.Healthy("Serving"));

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
