using System.Text.Json.Nodes;
using FaqBot.BotFramework.Activities;
using FaqBot.BotFramework.Logging;
using FaqBot.BotFramework.Turns;
using FaqBot.Knowledge.Feedback;

namespace FaqBot.Web.Conversation;

/// <summary>Records helpful / not helpful from our card buttons and from a channel's own feedback control.</summary>
public sealed class FeedbackResponder(ConversationServices services)
{
    public async Task OnButtonAsync(TurnContext turn, FaqAction action, string conversation, ConversationState state, CancellationToken ct)
    {
        var passageId = action.PassageId ?? state.LastAnswer?.PassageId;
        if (passageId is null)
        {
            await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).NoSourceYet), ct);
            return;
        }

        var user = turn.Activity.From?.Id ?? "";
        if (action.Name == FaqAction.FeedbackReason)
        {
            var kept = await services.RecordAsync(s => s.RecordReasonAsync(passageId, conversation, user, action.Reason ?? "", turn.Activity.CallerAddress));
            await turn.SendAsync(services.Composer.Message(turn.Activity, kept ? services.Composer.Texts(turn.Activity).ThanksReason : services.Composer.Texts(turn.Activity).Error), ct);
            return;
        }

        var helpful = action.Helpful ?? false;
        var question = QuestionOf(passageId, state);
        var recorded = await services.RecordAsync(s => s.RecordFeedbackAsync(
            new FeedbackEntry(passageId, StoredDecision.Parse(action.Decision), action.Confidence, helpful, null, conversation, user, question), turn.Activity.CallerAddress));
        if (!recorded)
        {
            // Not stored (the database is down): no thanks for what was lost; the apology says to try again.
            await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).Error), ct);
            return;
        }

        Log.FeedbackRecorded(services.Logger, LogText.Escape(passageId)!, helpful);
        services.Metrics.Voted(helpful);
        if (helpful)
        {
            await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).ThanksHelpful), ct);
            return;
        }

        var reasons = services.Composer.Texts(turn.Activity).Reasons.Select(r => new Choice(r, r, FaqAction.Data(FaqAction.FeedbackReason, passageId, reason: r))).ToList();
        await turn.SendAsync(services.Composer.Message(turn.Activity, services.Composer.Texts(turn.Activity).AskReason, reasons), ct);
    }

    /// <summary>A rating through the channel's own control (<see cref="MessageFeedback"/>), of a message this conversation sent.</summary>
    public async Task OnRatingAsync(TurnContext turn, MessageFeedback rating, string conversation, ConversationState state)
    {
        var activity = turn.Activity;
        var answer = state.FindSent(rating.MessageId);
        if (answer is null)
        {
            Log.UnknownRatedMessage(services.Logger, LogText.Escape(rating.MessageId));
            return;
        }

        var question = QuestionOf(answer.PassageId, state);
        if (!await services.RecordAsync(s => s.RecordFeedbackAsync(
            new FeedbackEntry(answer.PassageId, StoredDecision.Parse(answer.Decision), answer.Confidence, rating.Helpful, rating.Comment, conversation, activity.From?.Id ?? "", question), activity.CallerAddress)))
        {
            // A channel's control that came as an invoke shows its own "sent" on 200; a 503 tells it the rating did not arrive.
            if (activity.Type == ActivityTypes.Invoke)
            {
                turn.InvokeResponse = new InvokeResponse(503, new JsonObject());
            }

            return;
        }

        Log.FeedbackRecorded(services.Logger, LogText.Escape(answer.PassageId)!, rating.Helpful);
        services.Metrics.Voted(rating.Helpful);
    }

    // The conversation remembers the question of its last answer only: a vote on an older answer is kept without one,
    // rather than beside a question it did not answer. Staff read it (redacted) beside a "not helpful".
    private static string? QuestionOf(string passageId, ConversationState state) =>
        state.LastAnswer?.PassageId == passageId ? state.Topic : null;
}
