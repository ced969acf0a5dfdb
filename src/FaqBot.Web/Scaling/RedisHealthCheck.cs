using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaqBot.Web.Scaling;

/// <summary>
/// Degraded, not unhealthy, when Redis is away: the instance still answers /api/messages, so a load balancer must keep
/// sending it traffic; the description says what is missing meanwhile.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        const string missing = "Redis cannot be reached: the website chat (Direct Line) answers 503 and follow-up context is not kept until it is back; /api/messages still answers";
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Degraded(missing);
        }

        try
        {
            var latency = await redis.Database.PingAsync();
            return HealthCheckResult.Healthy($"Redis reachable ({latency.TotalMilliseconds:0.#} ms): conversations are shared between instances");
        }
        catch (Exception e) when (RedisConnection.IsOutage(e))
        {
            return HealthCheckResult.Degraded(missing);
        }
    }
}
