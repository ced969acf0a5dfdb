namespace FaqBot.BotFramework.Turns;

/// <summary>The bot's logic: one inbound activity in, replies out through the context. It never sees HTTP.</summary>
public interface ITurnHandler
{
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
