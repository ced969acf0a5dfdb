using FaqBot.Knowledge;

namespace FaqBot.Web.Knowledge;

// Builds or opens the index before the server takes requests: a broken knowledge folder stops start-up, and the first
// patient does not wait for an index build.
internal sealed class KnowledgeWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<KnowledgeBase>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
