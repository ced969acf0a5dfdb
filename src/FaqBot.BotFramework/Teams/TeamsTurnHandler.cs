using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Logging;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Teams;

/// <summary>
/// Wraps the bot so Teams' quirks are handled once, before and after it: the bot's own @mention is removed from
/// every inbound text, Teams activities from tenants outside <see cref="TeamsOptions.AllowedTenantIds"/> are ignored,
/// members joining a team or group chat are not greeted one by one, and Teams replies are threaded and given buttons
/// Teams shows (<see cref="TeamsReplyShaper"/>).
/// </summary>
public sealed class TeamsTurnHandler(ITurnHandler inner, IOptions<TeamsOptions> options, ILogger<TeamsTurnHandler> logger) : ITurnHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var inbound = turn.Activity;
        // For every channel, not only Teams: mention entities are a Bot Framework concept, and text without them is kept as is.
        TeamsMentions.StripRecipientMention(inbound);
        var context = TeamsContext.From(inbound);
        if (context is null)
        {
            await inner.HandleAsync(turn, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!TenantAllowed(context.TenantId))
        {
            Log.TenantNotAllowed(logger, LogText.Escape(inbound.Type), LogText.Escape(context.TenantId));
            // An invoke must still be answered; 403 tells Teams no, and nothing reaches the bot.
            turn.InvokeResponse = inbound.Type == ActivityTypes.Invoke ? new InvokeResponse(403) : null;
            return;
        }

        if (inbound.Type == ActivityTypes.ConversationUpdate && !context.IsPersonal)
        {
            // The installationUpdate that comes with installing the app greets a team or group chat once; a greeting
            // for every person who later joins the team would flood its channel (protocol reference 7.5).
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

    private bool TenantAllowed(string? tenantId)
    {
        var allowed = options.Value.AllowedTenantIds;
        return allowed.Count == 0
            || (tenantId is not null && allowed.Any(t => string.Equals(t.Trim(), tenantId, StringComparison.OrdinalIgnoreCase)));
    }
}
