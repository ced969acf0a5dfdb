using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using FaqBot.BotFramework.DirectLine;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Hosting;

/// <summary>
/// Fixed one-minute windows per token and per client address for Direct Line, and per address for the token endpoint,
/// as ASP.NET Core rate-limiter policies (<c>AddRateLimiter</c>, applied with <c>RequireRateLimiting</c>).
/// </summary>
/// <remarks>
/// The rate-limiting middleware applies one policy per endpoint, and Direct Line needs two limits on each request. So
/// the <see cref="DirectLinePolicy"/> policy counts per token, and a global limiter counts per address for exactly the
/// endpoints that carry that policy. The address is counted first, as before: a request refused for its address does
/// not use up its token's allowance, and one refused for its token counts once against its address (<see cref="CountOnceLimiter"/>).
/// A 429 from any of them says <c>Retry-After</c> and carries Direct Line's error body.
/// </remarks>
public static class DirectLineRateLimits
{
    /// <summary>The Direct Line group's policy: per token (<c>RequestsPerMinutePerToken</c>), with
    /// <c>RequestsPerMinutePerAddress</c> per client address alongside.</summary>
    public const string DirectLinePolicy = "DirectLine";

    /// <summary>The page's token endpoint: <c>TokenRequestsPerMinutePerAddress</c> per client address.</summary>
    public const string TokenEndpointPolicy = "DirectLineTokenEndpoint";

    internal static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<DirectLineOptions>>((limiter, options) =>
        {
            var settings = options.Value;
            limiter.AddPolicy(DirectLinePolicy, context => Credential(context) is { } token
                ? PerMinute(token, settings.RequestsPerMinutePerToken)
                : RateLimitPartition.GetNoLimiter(""));
            limiter.AddPolicy(TokenEndpointPolicy, context => PerMinute(Address(context), settings.TokenRequestsPerMinutePerAddress));

            var perAddress = new CountOnceLimiter(PartitionedRateLimiter.Create<HttpContext, string>(context => UnderDirectLinePolicy(context)
                ? PerMinute(Address(context), settings.RequestsPerMinutePerAddress)
                : RateLimitPartition.GetNoLimiter("")));
            limiter.GlobalLimiter = limiter.GlobalLimiter is { } other ? PartitionedRateLimiter.CreateChained(perAddress, other) : perAddress;

            // Every limit in this app is Direct Line's, so its error body is the answer to any refusal.
            limiter.OnRejected = RejectAsync;
        });
        return services;
    }

    private static bool UnderDirectLinePolicy(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == DirectLinePolicy;

    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        return new ValueTask(DirectLineResults.TooManyRequests().WithRetryAfter(retryAfter).ExecuteAsync(rejected.HttpContext));
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

    // The bearer token, or the stream URL's token (a browser cannot set headers on a WebSocket). An empty one is no token:
    // it must not share the no-limit partition's key.
    private static string? Credential(HttpContext context) =>
        DirectLineRequest.Bearer(context) ?? (context.Request.Query["t"].ToString() is { Length: > 0 } streamToken ? streamToken : null);
}
