using FaqBot.BotFramework.Turns;

namespace FaqBot.BotFramework.Teams;

/// <summary>
/// Wraps the bot so Teams' quirks are handled once, before and after it: the bot's own @mention is removed from
/// every inbound text, and Teams replies are threaded and given buttons Teams shows (<see cref="TeamsReplyShaper"/>).
/// </summary>
public sealed class TeamsTurnHandler(ITurnHandler inner) : ITurnHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var inbound = turn.Activity;
        // For every channel, not only Teams: mention entities are a Bot Framework concept, and text without them is kept as is.
        TeamsMentions.StripRecipientMention(inbound);
        if (!TeamsContext.IsTeams(inbound))
        {
            await inner.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        var teamsTurn = new TurnContext(inbound, (reply, ct) =>
        {
            TeamsReplyShaper.Shape(inbound, reply);
            return turn.SendAsync(reply, ct);
        });
        try
        {
            await inner.HandleAsync(teamsTurn, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            turn.InvokeResponse = teamsTurn.InvokeResponse;
        }
    }
}
