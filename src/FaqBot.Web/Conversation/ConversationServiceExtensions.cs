using FaqBot.BotFramework.Turns;
using FaqBot.Knowledge;
using FaqBot.Knowledge.Answering;
using FaqBot.Knowledge.Search;
using FaqBot.Knowledge.Triage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FaqBot.Web.Conversation;

/// <summary>Registers the bot's conversation: clinic details, urgent rules, the decider, the feedback database and the turn handler.</summary>
public static class ConversationServiceExtensions
{
    public static WebApplicationBuilder AddConversation(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddFeedback();

        services.AddSingleton(sp => UrgentRuleSetLoader.Load(
            Path.GetFullPath(sp.GetRequiredService<IOptions<ConversationOptions>>().Value.UrgentRulesFile, ContentRoot(sp))));
        services.AddSingleton(sp => BotTextsCatalog.Load(
            Path.GetFullPath(sp.GetRequiredService<IOptions<ConversationOptions>>().Value.TextsFolder, ContentRoot(sp)),
            sp.GetRequiredService<IOptions<ClinicOptions>>().Value));
        // The apology after a failed turn is one of the bot's texts too (in the default language: the turn failed).
        services.AddOptions<FaqBot.BotFramework.BotFrameworkOptions>().PostConfigure<BotTextsCatalog>((options, texts) => options.FallbackReplyText = texts.Default.Error);
        services.AddSingleton(sp => SemanticTriageFor(sp));
        services.AddSingleton(sp => new AnswerDecider(
            sp.GetRequiredService<IPassageSearcher>(),
            sp.GetRequiredService<UrgentRuleSet>(),
            sp.GetRequiredService<IOptions<ConversationOptions>>().Value.DecisionCacheSize,
            sp.GetRequiredService<Holder<SemanticTriage>>().Value,
            sp.GetRequiredService<KnowledgeBase>().Clinic));
        services.TryAddSingleton<IConversationStateStore, MemoryConversationStateStore>();
        services.AddSingleton<AnswerComposer>();
        services.AddSingleton<ConversationServices>();
        services.AddSingleton<QuestionResponder>();
        services.AddSingleton<FeedbackResponder>();
        services.AddSingleton<ITurnHandler, FaqTurnHandler>();
        // Deciding can take a moment (triage, search, embeddings): the turn pipeline shows typing after TypingDelay.
        services.AddTypingIndicator().Configure<IOptions<ConversationOptions>>((typing, conversation) => typing.Delay = conversation.Value.TypingDelay);
        services.AddHostedService<ConversationWarmup>();
        return builder;
    }

    // The semantic net needs the embedding model, which the knowledge base loads unless Knowledge:Semantic is off.
    private static Holder<SemanticTriage> SemanticTriageFor(IServiceProvider sp)
    {
        var knowledge = sp.GetRequiredService<KnowledgeBase>();
        var embedder = knowledge.Embedder;
        if (embedder is null)
        {
            return new Holder<SemanticTriage>(null);
        }

        var rules = sp.GetRequiredService<UrgentRuleSet>();
        var file = Path.GetFullPath(sp.GetRequiredService<IOptions<ConversationOptions>>().Value.UrgentExamplesFile, ContentRoot(sp));
        return new Holder<SemanticTriage>(new SemanticTriage(embedder, rules, UrgentExamples.Load(file, rules), answeredQuestions: knowledge.Hybrid?.Vectors.QuestionVectors));
    }

    // A singleton that may be absent (DI cannot register null).
    private sealed record Holder<T>(T? Value) where T : class;

    private static string ContentRoot(IServiceProvider sp) => sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
}
