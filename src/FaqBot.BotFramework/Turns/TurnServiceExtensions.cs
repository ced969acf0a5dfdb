using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Turns;

/// <summary>
/// Registers the turn: the pipeline, its error boundary and the <see cref="TurnDispatcher"/> that owns running turns.
/// Each part adds its own steps with <see cref="AddTurnMiddleware{T}"/>; the order comes from their
/// <see cref="TurnStage"/>, so the Add… calls in Program.cs may come in any order.
/// </summary>
public static class TurnServiceExtensions
{
    /// <summary>Safe to call more than once (both <c>AddBotFramework</c> and <c>AddDirectLine</c> do).</summary>
    public static IServiceCollection AddTurns(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(TurnDispatcher)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddTurnMiddleware<TurnErrorBoundary>();
        // Factories, so the host may register its ITurnHandler after this call and start-up validation does not trip over it.
        services.AddSingleton(sp => new TurnPipeline(sp.GetRequiredService<ITurnHandler>(), sp.GetServices<ITurnMiddleware>()));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TurnDispatcher>(sp));
        services.AddHostedService(sp => sp.GetRequiredService<TurnDispatcher>());
        return services;
    }

    /// <summary>Adds a step to every turn; where it runs is its <see cref="ITurnMiddleware.Stage"/>.</summary>
    public static IServiceCollection AddTurnMiddleware<T>(this IServiceCollection services) where T : class, ITurnMiddleware
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITurnMiddleware, T>());
        return services;
    }

    /// <summary>Adds the typing indicator, for a bot whose answers can take a moment; configure its delay on the result.</summary>
    public static OptionsBuilder<TypingIndicatorOptions> AddTypingIndicator(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddTurnMiddleware<TypingIndicator>();
        return services.AddOptions<TypingIndicatorOptions>();
    }
}
