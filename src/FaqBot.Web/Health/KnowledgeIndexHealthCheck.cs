using FaqBot.Knowledge.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaqBot.Web.Health;

/// <summary>Ready means the knowledge index is open and answers a real query, not merely that the process is up.</summary>
public sealed class KnowledgeIndexHealthCheck(IServiceProvider services, ILogger<KnowledgeIndexHealthCheck> logger) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Resolved here, not injected: a searcher that cannot open its index must make /readyz say so, not throw.
            var searcher = services.GetRequiredService<IPassageSearcher>();
            var articles = searcher.GetArticles();
            if (articles.Count == 0)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("the knowledge index holds no articles"));
            }

            // The first article's own title must find passages; that exercises the full-text index end to end.
            var probe = articles[0].Citation.Title;
            var hits = searcher.Search(probe, limit: 3).Hits.Count;
            var data = new Dictionary<string, object> { ["articles"] = articles.Count, ["probeHits"] = hits };
            return Task.FromResult(hits > 0
                ? HealthCheckResult.Healthy($"{articles.Count} articles; a test query found {hits} passages", data)
                : HealthCheckResult.Unhealthy("the knowledge index is open but a test query found nothing", data: data));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.IndexNotReady(logger, e);
            return Task.FromResult(HealthCheckResult.Unhealthy($"the knowledge index cannot be searched: {e.GetType().Name}"));
        }
    }
}
