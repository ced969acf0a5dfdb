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
/// is still open during the pause; open sockets then close as the server stops and the page reconnects elsewhere.
/// </remarks>
internal sealed class ShutdownDrain(IOptions<HealthOptions> options, TimeProvider clock, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool stopping;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        var delay = options.Value.DrainDelay;
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

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
