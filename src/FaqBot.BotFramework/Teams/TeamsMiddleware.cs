using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Logging;
using FaqBot.BotFramework.Turns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FaqBot.BotFramework.Teams;

/// <summary>
/// The Teams step of every turn, so the bot stays channel-neutral. On the way in: the bot's own @mention is removed
/// from the text, activities from tenants outside <see cref="TeamsOptions.AllowedTenantIds"/> are ignored, members
/// joining a team or group chat are not greeted one by one, and Teams' feedback control becomes a
/// <see cref="MessageFeedback"/>. On the way out: replies are threaded and their choices shown the way Teams can
/// (<see cref="TeamsReplyShaper"/>).
/// </summary>
public sealed class TeamsMiddleware(IOptions<TeamsOptions> options, ILogger<TeamsMiddleware> logger) : ITurnMiddleware
{
    public TurnStage Stage => TurnStage.Channel;

    public Task OnTurnAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(next);
        var inbound = turn.Activity;
        // For every channel, not only Teams: mention entities are a Bot Framework concept, and text without them is kept as is.
        TeamsMentions.StripRecipientMention(inbound);
        if (!TeamsContext.IsTeams(inbound))
        {
            return next(turn, cancellationToken);
        }

        var context = TeamsContext.From(inbound)!;
        if (!TenantAllowed(context.TenantId))
        {
            Log.TenantNotAllowed(logger, LogText.Escape(inbound.Type), LogText.Escape(context.TenantId));
            // An invoke must still be answered; 403 tells Teams no, and nothing reaches the bot.
            turn.InvokeResponse = inbound.Type == ActivityTypes.Invoke ? new InvokeResponse(403) : null;
            return Task.CompletedTask;
        }

        if (inbound.Type == ActivityTypes.ConversationUpdate && !context.IsPersonal)
        {
            // The installationUpdate that comes with installing the app greets a team or group chat once; a greeting
            // for every person who later joins the team would flood its channel (protocol reference 7.5).
            return Task.CompletedTask;
        }

        return TeamsFeedback.IsFeedback(inbound) ? FeedbackAsync(turn, next, cancellationToken) : next(turn, cancellationToken);
    }

    public ValueTask<bool> OnSendingAsync(TurnContext turn, Activity activity, CancellationToken cancellationToken)
    {
        TeamsReplyShaper.Shape(turn.Activity, activity);
        return new(true);
    }

    private static async Task FeedbackAsync(TurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        turn.Feedback = TeamsFeedback.From(turn.Activity);
        await next(turn, cancellationToken).ConfigureAwait(false);
        // Teams wants 200 with an empty object, whatever the bot made of the rating (protocol reference 7.6).
        turn.InvokeResponse ??= new InvokeResponse(200, new JsonObject());
    }

    private bool TenantAllowed(string? tenantId)
    {
        var allowed = options.Value.AllowedTenantIds;
        return allowed.Count == 0
            || (tenantId is not null && allowed.Any(t => string.Equals(t.Trim(), tenantId, StringComparison.OrdinalIgnoreCase)));
    }
}
