using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Logging;
using FaqBot.BotFramework.Turns;

namespace FaqBot.Web.Conversation;

/// <summary>The bot: routes each activity to the welcome, a command, a button's action, feedback or the question answerer.</summary>
public sealed class FaqTurnHandler(
    ConversationServices services,
    QuestionResponder questions,
    FeedbackResponder feedback,
    IConversationStateStore states) : ITurnHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (turn.Feedback is { } rating)
        {
            // The channel's own thumbs under an answer (the channel's step read them); the channel answers the invoke.
            var key = StateKey(activity);
            await feedback.OnRatingAsync(turn, rating, key, await states.GetAsync(key, cancellationToken) ?? ConversationState.Empty);
            return;
        }

        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when (activity.MembersAdded ?? []).Any(m => m.Id != activity.Recipient?.Id):
            case ActivityTypes.InstallationUpdate when activity.Action == "add":
                await WelcomeAsync(turn, cancellationToken);
                break;
            default:
                // Typing, reactions, events and the bot's own join need no reply; an unclaimed invoke gets 501 from the protocol.
                break;
        }
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken ct)
    {
        var activity = turn.Activity;
        var key = StateKey(activity);
        var state = await states.GetAsync(key, ct) ?? ConversationState.Empty;
        // The bot's own @mention is already gone: the channel step of the turn pipeline strips it.
        var text = activity.Text?.Trim() ?? "";
        var action = FaqAction.From(activity.Value);

        var next = action?.Name switch
        {
            FaqAction.Feedback or FaqAction.FeedbackReason => await FeedbackAsync(turn, action, key, state, ct),
            FaqAction.More => await questions.TellMeMoreAsync(turn, action.PassageId, state, ct),
            FaqAction.Source => await questions.WhereIsThisFromAsync(turn, action.PassageId, state, ct),
            FaqAction.Passage when action.PassageId is not null => await questions.ShowPassageAsync(turn, action.PassageId, state, ct),
            FaqAction.Ask when !string.IsNullOrWhiteSpace(action.Question) => await OnTextAsync(turn, action.Question, key, state, ct),
            _ => await OnTextAsync(turn, text, key, state, ct),
        };

        if (next is null)
        {
            await states.RemoveAsync(key, ct);
        }
        else
        {
            await states.SetAsync(key, next, ct);
        }
    }

    // Returns null when the conversation should be forgotten (start over).
    private async Task<ConversationState?> OnTextAsync(TurnContext turn, string text, string key, ConversationState state, CancellationToken ct)
    {
        switch (ConversationCommands.Parse(text))
        {
            case ConversationCommand.Help:
                await turn.SendAsync(services.Composer.Help(turn.Activity, services.Options.Subject, services.Examples), ct);
                return state;
            case ConversationCommand.StartOver:
                await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).StartOver, services.Examples), ct);
                return null;
            case ConversationCommand.TellMeMore:
                return await questions.TellMeMoreAsync(turn, null, state, ct);
            case ConversationCommand.WhereIsThisFrom:
                return await questions.WhereIsThisFromAsync(turn, null, state, ct);
        }

        if (text.Length == 0)
        {
            // A card submit we do not know or an attachment without words: show what the bot can do.
            await turn.SendAsync(services.Composer.Help(turn.Activity, services.Options.Subject, services.Examples), ct);
            return state;
        }

        return await questions.AnswerAsync(turn, text, key, state, ct);
    }

    private async Task<ConversationState> FeedbackAsync(TurnContext turn, FaqAction action, string key, ConversationState state, CancellationToken ct)
    {
        await feedback.OnButtonAsync(turn, action, key, state, ct);
        return state;
    }

    private async Task WelcomeAsync(TurnContext turn, CancellationToken ct)
    {
        await turn.SendAsync(services.Composer.Welcome(turn.Activity, services.Options.Subject, services.Examples), ct);
        Log.WelcomeSent(services.Logger, LogText.Escape(StateKey(turn.Activity)), LogText.Escape(turn.Activity.Type));
    }

    // Channel and conversation together: ids are only unique within a channel. An id longer than any channel's (they are
    // well under 200 characters) is kept as its hash, so the caller's choice of id cannot make each entry large.
    private static string StateKey(Activity activity)
    {
        var key = $"{activity.ChannelId}|{activity.Conversation?.Id}";
        return key.Length <= MaxStateKeyLength
            ? key
            : "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
    }

    internal const int MaxStateKeyLength = 256;
}
