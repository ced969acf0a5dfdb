using FaqBot.Knowledge;
using FaqBot.Knowledge.Ingestion;
using FaqBot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Knowledge;

/// <summary>Registers the knowledge base: options, the index (rebuilt at start when the articles changed) and the searcher.</summary>
public static class KnowledgeServiceExtensions
{
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvedAgainst(root);
            // Opened once at start-up by KnowledgeWarmup, so this blocking call never runs on a request.
            var logger = sp.GetRequiredService<ILogger<KnowledgeBase>>();
            var knowledge = KnowledgeBase.OpenAsync(options, logger).GetAwaiter().GetResult();
            // Instances behind one load balancer each open their own index: the hash shows they serve the same content.
            var contentHash = KnowledgeFolder.HashContent(options.Path);
            Log.KnowledgeContent(logger, contentHash, knowledge.Summary.Articles);
            sp.GetRequiredService<KnowledgeReadiness>().Opened(knowledge, contentHash);
            return knowledge;
        });
        services.AddSingleton<KnowledgeReadiness>();
        services.AddSingleton<IPassageSearcher>(sp => sp.GetRequiredService<KnowledgeBase>().Search);
        services.AddHostedService<KnowledgeWarmup>();
        return builder;
    }
}
