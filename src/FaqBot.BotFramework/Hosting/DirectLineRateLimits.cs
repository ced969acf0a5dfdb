using System.Threading.RateLimiting;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Hosting;

/// <summary>Fixed one-minute windows per token and per client address for Direct Line, and per address for the token endpoint.</summary>
public sealed class DirectLineRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> directLine;
    private readonly PartitionedRateLimiter<HttpContext> tokenEndpoint;

    public DirectLineRateLimits(IOptions<DirectLineOptions> options)
    {
        var settings = options.Value;
        directLine = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(ctx => PerMinute(Address(ctx), settings.RequestsPerMinutePerAddress)),
            PartitionedRateLimiter.Create<HttpContext, string>(ctx => Credential(ctx) is { } token
                ? PerMinute(token, settings.RequestsPerMinutePerToken)
                : RateLimitPartition.GetNoLimiter("")));
        tokenEndpoint = PartitionedRateLimiter.Create<HttpContext, string>(ctx => PerMinute(Address(ctx), settings.TokenRequestsPerMinutePerAddress));
    }

    public RateLimitLease AcquireDirectLine(HttpContext context) => directLine.AttemptAcquire(context);

    public RateLimitLease AcquireTokenEndpoint(HttpContext context) => tokenEndpoint.AttemptAcquire(context);

    public void Dispose()
    {
        directLine.Dispose();
        tokenEndpoint.Dispose();
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    // Behind a reverse proxy the host must run the forwarded-headers middleware, or every visitor shares one address.
    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string? Credential(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[7..].Trim();
        }

        var streamToken = context.Request.Query["t"].ToString();
        return streamToken.Length > 0 ? streamToken : null;
    }
}
