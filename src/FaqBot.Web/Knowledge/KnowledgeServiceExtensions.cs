using FaqBot.Knowledge;
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
            var knowledge = KnowledgeBase.OpenAsync(options, sp.GetRequiredService<ILogger<KnowledgeBase>>()).GetAwaiter().GetResult();
            sp.GetRequiredService<KnowledgeReadiness>().Opened(knowledge);
            return knowledge;
        });
        services.AddSingleton<KnowledgeReadiness>();
        services.AddSingleton<IPassageSearcher>(sp => sp.GetRequiredService<KnowledgeBase>().Search);
        services.AddHostedService<KnowledgeWarmup>();
        return builder;
    }
}
