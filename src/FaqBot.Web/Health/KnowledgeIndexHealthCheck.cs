using FaqBot.Knowledge.Search;
using FaqBot.Web.Knowledge;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FaqBot.Web.Health;

/// <summary>Ready means the knowledge index is open and answers a real query, not merely that the process is up.
/// Degraded: it answers, but some knowledge files could not be loaded (named, with what to fix), so staff must act.</summary>
public sealed class KnowledgeIndexHealthCheck(IServiceProvider services, KnowledgeReadiness readiness, ILogger<KnowledgeIndexHealthCheck> logger) : IHealthCheck
{
    // A description stays readable on a status page however many files are broken.
    private const int MaxFilesNamed = 5;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (readiness.Open is not { } knowledge)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the knowledge index is not open yet"));
        }

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
            if (hits == 0)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("the knowledge index is open but a test query found nothing", data: data));
            }

            // The content hash (first 12 hex digits) lets an operator see that every instance serves the same knowledge.
            data["contentHash"] = readiness.ContentHash;
            var answers = $"{articles.Count} articles (content {readiness.ContentHash[..Math.Min(12, readiness.ContentHash.Length)]}); a test query found {hits} passages";
            var failed = knowledge.LoadWarnings.Where(w => w.FileSkipped).GroupBy(w => w.File, StringComparer.Ordinal).ToList();
            if (failed.Count == 0)
            {
                return Task.FromResult(HealthCheckResult.Healthy(answers, data));
            }

            // File names relative to the knowledge folder and what to fix in them: no paths or exception text.
            var named = string.Join("; ", failed.Take(MaxFilesNamed).Select(f => $"{f.Key} ({string.Join(", ", f.Select(w => w.Describe()))})"));
            var more = failed.Count > MaxFilesNamed ? $"; and {failed.Count - MaxFilesNamed} more" : "";
            data["failedFiles"] = failed.Count;
            return Task.FromResult(HealthCheckResult.Degraded(
                $"{answers}; {failed.Count} knowledge {(failed.Count == 1 ? "file" : "files")} could not be loaded and {(failed.Count == 1 ? "is" : "are")} left out: {named}{more}", data: data));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.IndexNotReady(logger, e);
            return Task.FromResult(HealthCheckResult.Unhealthy($"the knowledge index cannot be searched: {e.GetType().Name}"));
        }
    }
}
