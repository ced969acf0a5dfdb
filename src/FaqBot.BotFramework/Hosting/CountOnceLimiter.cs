using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace FaqBot.BotFramework.Hosting;

/// <summary>
/// A limiter that takes its permit on the first ask only. ASP.NET Core's rate-limiting middleware asks the global
/// limiter and the endpoint's policy together, and when either refuses it asks both again on their waiting path. A
/// fixed window never gives back a permit it handed out, so the second ask would count a request refused for its token
/// twice against its address, and one runaway client on a shared address (a waiting room's Wi-Fi) would use up
/// everyone's share. On the waiting path this one only looks: it answers whether a permit is left, taking none.
/// </summary>
internal sealed class CountOnceLimiter(PartitionedRateLimiter<HttpContext> inner) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => inner.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) => inner.AttemptAcquire(resource, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(inner.AttemptAcquire(resource, 0));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }

    protected override ValueTask DisposeAsyncCore() => inner.DisposeAsync();
}
