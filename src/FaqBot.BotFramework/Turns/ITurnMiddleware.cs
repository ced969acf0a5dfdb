using FaqBot.BotFramework.Activities;

namespace FaqBot.BotFramework.Turns;

/// <summary>The rest of the pipeline after a middleware: the next middleware, or the bot itself.</summary>
public delegate Task TurnDelegate(TurnContext turn, CancellationToken cancellationToken);

/// <summary>
/// One step of every turn, in the shape of ASP.NET Core middleware: it sees the turn on its way in and calls
/// <c>next</c> (or not, to end the turn there). Steps run in <see cref="Stage"/> order, whatever order they were
/// registered in, and the bot (<see cref="ITurnHandler"/>) comes last.
/// </summary>
public interface ITurnMiddleware
{
    TurnStage Stage { get; }

    Task OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken);

    /// <summary>
    /// Sees every activity sent during a turn, from the innermost step outwards, before the channel gets it; may change
    /// it in place. False drops it.
    /// </summary>
    ValueTask<bool> OnSendingAsync(TurnContext turn, Activity activity, CancellationToken cancellationToken) => new(true);
}
